import type { NavItem, NavLabelKey } from '../app/navigation';
import type { TestId } from '../app/testids';
import { PROGRAMS_NS } from './messages';
import { PROGRAMS_TEST_IDS } from './testids';

/** The navigation entry of development programs (发展纲要 / Programs), for every signed-in role (see search/nav.ts for the casts). */
export const PROGRAMS_NAV_ITEM: NavItem = {
  path: '/programs',
  labelKey: `${PROGRAMS_NS}:nav` as string as NavLabelKey,
  testId: PROGRAMS_TEST_IDS.nav as string as TestId,
};
