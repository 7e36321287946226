/**
 * Stable `data-testid` values for end-to-end tests. Tests depend on them: never rename one,
 * only add. Use these constants in components instead of string literals.
 *
 *   login-identifier        login page: e-mail or mobile number input
 *   login-password          login page: password input
 *   login-submit            login page: submit button
 *   login-error             login page: error message (wrong credentials, lock-out, network, invalid input)
 *   current-user-name       top bar: display name of the signed-in user
 *   language-switch         button toggling the interface between zh-CN and en (top bar and login page)
 *   logout                  top bar: sign-out button
 *   nav-home                navigation: Home (首页)
 *   nav-users               navigation: Users (用户管理), only for administrators
 *   home-greeting           home page: greeting with the user's name
 *   change-password         top bar: opens the change-password dialog
 *   change-password-submit  change-password dialog: submit button
 *   users-table             admin users page: the table of accounts
 *   users-create            admin users page: opens the create-user dialog
 *   create-user-submit      create-user dialog: submit button
 *   temporary-password      admin users page: the generated temporary password (shown once)
 *   confirm-dialog-confirm  any confirmation dialog: the confirm button
 *   no-permission           "no permission" state of a page the user's role may not open
 *   not-found               404 page
 */
export const TEST_IDS = {
  loginIdentifier: 'login-identifier',
  loginPassword: 'login-password',
  loginSubmit: 'login-submit',
  loginError: 'login-error',
  currentUserName: 'current-user-name',
  languageSwitch: 'language-switch',
  logout: 'logout',
  navHome: 'nav-home',
  navUsers: 'nav-users',
  homeGreeting: 'home-greeting',
  changePassword: 'change-password',
  changePasswordSubmit: 'change-password-submit',
  usersTable: 'users-table',
  usersCreate: 'users-create',
  createUserSubmit: 'create-user-submit',
  temporaryPassword: 'temporary-password',
  confirmDialogConfirm: 'confirm-dialog-confirm',
  noPermission: 'no-permission',
  notFound: 'not-found',
} as const;

export type TestId = (typeof TEST_IDS)[keyof typeof TEST_IDS];
