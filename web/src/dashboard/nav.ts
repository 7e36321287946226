import type { NavItem, NavLabelKey } from '../app/navigation';
import type { TestId } from '../app/testids';
import { DASHBOARD_NS } from './messages';
import { DASHBOARD_TEST_IDS } from './testids';

/** Roles that see the dashboard (the API's `@Roles('leader', 'admin')`). */
export const DASHBOARD_ROLES = ['leader', 'admin'] as const;

/** The navigation entry of the dashboard (领导看板 / Dashboard); label and test id live in this feature (see search/nav.ts). */
export const DASHBOARD_NAV_ITEM: NavItem = {
  path: '/dashboard',
  labelKey: `${DASHBOARD_NS}:nav` as string as NavLabelKey,
  testId: DASHBOARD_TEST_IDS.nav as string as TestId,
  roles: DASHBOARD_ROLES,
};
