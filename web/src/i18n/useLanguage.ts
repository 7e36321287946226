import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './index';

/** The current interface language and a toggle between zh-CN and en. */
export function useLanguage(): { language: Language; isEnglish: boolean; toggle: () => void } {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language: Language = isLanguage(current) ? current : DEFAULT_LANGUAGE;
  return {
    language,
    isEnglish: language === 'en',
    toggle: () => void i18n.changeLanguage(language === 'en' ? 'zh-CN' : 'en'),
  };
}
