import 'i18next';
import type { Messages } from './zh-CN';

// Typed keys: t('nav.home') is checked against the zh-CN catalog.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
