import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAMS_NS, type ProgramsMessageKey } from './messages';

export type ProgramsText = (key: ProgramsMessageKey, values?: Record<string, string | number>) => string;

/** Strings of the 'programs' namespace in the interface language, with keys checked against messages.ts. */
export function useProgramsText(): ProgramsText {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const untyped = i18n as unknown as { t: (key: string, options?: Record<string, unknown>) => string };
    return (key, values) => untyped.t(key, { ...values, ns: PROGRAMS_NS, lng: language });
  }, [i18n, language]);
}
