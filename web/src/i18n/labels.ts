import type { Role } from '@jianyan/shared';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './useLanguage';

interface NamedOrganization {
  name: string;
  nameEn: string;
}

/** Localized labels for domain values: role names, organisation names (name in Chinese, nameEn in English). */
export function useLabels() {
  const { t } = useTranslation();
  const { isEnglish } = useLanguage();
  return {
    role: (role: Role): string => t(`roles.${role}`),
    organization: (organization: NamedOrganization): string =>
      isEnglish ? organization.nameEn || organization.name : organization.name,
  };
}
