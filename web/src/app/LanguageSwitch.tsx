import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage';
import { TEST_IDS } from './testids';

/** Toggles the interface between zh-CN and en; the label names the other language in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { toggle } = useLanguage();
  return (
    <button
      type="button"
      className="button button-ghost button-small"
      onClick={toggle}
      lang={t('language.switchToLang')}
      title={t('language.switchHint')}
      data-testid={TEST_IDS.languageSwitch}
    >
      {t('language.switchTo')}
    </button>
  );
}
