import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATIONS_NS, type NotificationsMessageKey } from './messages';

export type NotificationsText = (key: NotificationsMessageKey, values?: Record<string, string | number>) => string;

/** Strings of the 'notifications' namespace in the interface language, keys checked against messages.ts. */
export function useNotificationsText(): NotificationsText {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const untyped = i18n as unknown as { t: (key: string, options?: Record<string, unknown>) => string };
    return (key, values) => untyped.t(key, { ...values, ns: NOTIFICATIONS_NS, lng: language });
  }, [i18n, language]);
}
