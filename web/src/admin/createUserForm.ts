import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  isValidEmail,
  isValidMobile,
  type Role,
} from '@jianyan/shared';
import type { TFunction } from 'i18next';
import type { CreateUserInput } from '../graphql/types';

export const NEW_USER_FIELDS = ['displayName', 'email', 'mobile', 'role', 'organizationId', 'password'] as const;
export type NewUserField = (typeof NEW_USER_FIELDS)[number];
export type NewUserErrors = Partial<Record<NewUserField, string>>;

export interface NewUserValues {
  displayName: string;
  email: string;
  mobile: string;
  role: Role;
  organizationId: string;
  password: string;
}

export const EMPTY_NEW_USER: NewUserValues = {
  displayName: '',
  email: '',
  mobile: '',
  role: 'member',
  organizationId: '',
  password: '',
};

export function isNewUserField(field: string | undefined): field is NewUserField {
  return field !== undefined && (NEW_USER_FIELDS as readonly string[]).includes(field);
}

/** The same rules as the API (shared helpers), checked before sending, with localized messages. */
export function validateNewUser(values: NewUserValues, t: TFunction): NewUserErrors {
  const errors: NewUserErrors = {};
  const name = values.displayName.trim();
  if (!name) errors.displayName = t('validation.displayNameRequired');
  else if (name.length > DISPLAY_NAME_MAX_LENGTH) errors.displayName = t('validation.displayNameTooLong', { max: DISPLAY_NAME_MAX_LENGTH });
  const email = values.email.trim();
  const mobile = values.mobile.trim();
  if (!email && !mobile) errors.email = t('validation.contactRequired');
  if (email && !isValidEmail(email)) errors.email = t('validation.emailInvalid');
  if (mobile && !isValidMobile(mobile)) errors.mobile = t('validation.mobileInvalid');
  if (!values.organizationId) errors.organizationId = t('validation.organizationRequired');
  if (values.password) {
    if (values.password.length < PASSWORD_MIN_LENGTH) errors.password = t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (values.password.length > PASSWORD_MAX_LENGTH) errors.password = t('validation.passwordTooLong', { max: PASSWORD_MAX_LENGTH });
  }
  return errors;
}

export function toCreateUserInput(values: NewUserValues): CreateUserInput {
  return {
    displayName: values.displayName.trim(),
    email: values.email.trim() || null,
    mobile: values.mobile.trim() || null,
    role: values.role,
    organizationId: values.organizationId,
    password: values.password || null,
  };
}
