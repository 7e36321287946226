import type { NavItem, NavLabelKey } from '../app/navigation';
import type { TestId } from '../app/testids';
import { SEARCH_NS } from './messages';
import { SEARCH_TEST_IDS } from './testids';

/**
 * The navigation entry of the search page (检索 / Search), for every signed-in role. Its label
 * lives in the 'search' namespace (messages.ts, registered on import), and its test id in
 * search/testids.ts, so the app catalogs and app/testids.ts stay untouched: hence the casts to the
 * app's key and test-id types, which only know the default namespace and the app's own ids.
 */
export const SEARCH_NAV_ITEM: NavItem = {
  path: '/search',
  labelKey: `${SEARCH_NS}:nav` as string as NavLabelKey,
  testId: SEARCH_TEST_IDS.nav as string as TestId,
};
