import { useMemo } from 'react';
import { useLanguage } from './useLanguage';

/** Dates and times in the interface language: 2026年3月5日 14:30 / 5 Mar 2026, 14:30. */
export function useFormat() {
  const { language } = useLanguage();
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric' });
    const dateTime = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    /** A calendar day without a time (YYYY-MM-DD), shown as that day whatever the time zone. */
    const day = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    const valid = (value: Date) => !Number.isNaN(value.getTime());
    return {
      date: (iso: string): string => {
        const value = new Date(iso);
        return valid(value) ? date.format(value) : iso;
      },
      dateTime: (iso: string): string => {
        const value = new Date(iso);
        return valid(value) ? dateTime.format(value) : iso;
      },
      day: (ymd: string): string => {
        const value = new Date(`${ymd}T00:00:00Z`);
        return valid(value) ? day.format(value) : ymd;
      },
    };
  }, [language]);
}
