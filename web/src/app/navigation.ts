import type { Role } from '@jianyan/shared';
import type { Messages } from '../i18n/zh-CN';
import { SEARCH_NAV_ITEM } from '../search/nav';
import { PROGRAMS_NAV_ITEM } from '../programs/nav';
import { DASHBOARD_NAV_ITEM } from '../dashboard/nav';
import { TEST_IDS, type TestId } from './testids';

/**
 * The main navigation: the single list features add their entry to.
 *
 * To add a feature (proposals, evidence, search, programs, dashboard…):
 *   1. add its label under `nav` in i18n/zh-CN.ts and i18n/en.ts (`nav.proposals`);
 *   2. add its test id to app/testids.ts (`nav-proposals`);
 *   3. add an entry below (with `roles` if only some roles may use it);
 *   4. add its route in app/routes.tsx (wrapped in <RequireRole> when `roles` is set).
 * Only list features that exist: the bar never shows links to pages that are not built.
 */
export type NavLabelKey = `nav.${keyof Messages['nav']}`;

export interface NavItem {
  path: string;
  labelKey: NavLabelKey;
  testId: TestId;
  /** Roles that see the entry; all signed-in users when omitted. */
  roles?: readonly Role[];
  /** Active only on the exact path (for "/"). */
  end?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', testId: TEST_IDS.navHome, end: true },
  { path: '/proposals', labelKey: 'nav.proposals', testId: TEST_IDS.navProposals },
  { path: '/evidence', labelKey: 'nav.evidence', testId: TEST_IDS.navEvidence },
  SEARCH_NAV_ITEM,
  PROGRAMS_NAV_ITEM,
  DASHBOARD_NAV_ITEM,
  { path: '/admin/users', labelKey: 'nav.users', testId: TEST_IDS.navUsers, roles: ['admin'] },
  { path: '/admin/audit', labelKey: 'nav.audit', testId: TEST_IDS.navAudit, roles: ['admin'] },
];

export function canSee(item: Pick<NavItem, 'roles'>, role: Role): boolean {
  return !item.roles || item.roles.includes(role);
}

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => canSee(item, role));
}
