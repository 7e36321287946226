import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_NS, type DashboardMessageKey } from './messages';

export type DashboardText = (key: DashboardMessageKey, values?: Record<string, string | number>) => string;

/** The dashboard's strings (namespace 'dashboard') in the current interface language, with keys checked against messages.ts. */
export function useDashboardText(): DashboardText {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const untyped = i18n as unknown as { t: (key: string, options?: Record<string, unknown>) => string };
    return (key, values) => untyped.t(key, { ...values, ns: DASHBOARD_NS, lng: language });
  }, [i18n, language]);
}
