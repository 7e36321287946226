import { lazy, Suspense } from 'react';
import { RequireRole } from '../auth/RequireAuth';
import { Loading } from '../ui/Status';
import { DASHBOARD_ROLES } from './nav';
import { useDashboardText } from './useDashboardText';

/* The dashboard page and ECharts in a chunk of their own, loaded when the page is opened. */
const DashboardPageChunk = lazy(() => import('./DashboardPage').then((module) => ({ default: module.DashboardPage })));

/** The /dashboard route: leaders and admins only (others see "no permission"), the page loaded on demand. */
export function DashboardRoute() {
  const t = useDashboardText();
  return (
    <RequireRole roles={DASHBOARD_ROLES} message={t('noPermission')}>
      <Suspense fallback={<Loading label={t('loading')} />}>
        <DashboardPageChunk />
      </Suspense>
    </RequireRole>
  );
}
