import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_NS, type SearchMessageKey } from './messages';

export type SearchText = (key: SearchMessageKey, values?: Record<string, string | number>) => string;

/**
 * The search page's strings (namespace 'search') in the current interface language. The app's
 * typed `t` only knows the default namespace, so keys are checked against messages.ts here.
 */
export function useSearchText(): SearchText {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const untyped = i18n as unknown as { t: (key: string, options?: Record<string, unknown>) => string };
    return (key, values) => untyped.t(key, { ...values, ns: SEARCH_NS, lng: language });
  }, [i18n, language]);
}
