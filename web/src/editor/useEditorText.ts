import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EDITOR_NS, type EditorMessageKey } from './messages';

export type EditorText = (key: EditorMessageKey, values?: Record<string, string | number>) => string;

/**
 * The editor's strings (namespace 'editor') in the current interface language. The app's typed
 * `t` only knows the default namespace, so keys are checked against messages.ts here instead.
 */
export function useEditorText(): EditorText {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const untyped = i18n as unknown as { t: (key: string, options?: Record<string, unknown>) => string };
    return (key, values) => untyped.t(key, { ...values, ns: EDITOR_NS, lng: language });
  }, [i18n, language]);
}
