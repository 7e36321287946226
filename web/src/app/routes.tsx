import { Outlet, type RouteObject } from 'react-router-dom';
import { UsersPage } from '../admin/UsersPage';
import { LoginPage } from '../auth/LoginPage';
import { RequireAuth, RequireRole } from '../auth/RequireAuth';
import { SessionProvider } from '../auth/session';
import { AuditLogPage } from '../evidence/AuditLogPage';
import { EditEvidencePage, NewEvidenceRoute } from '../evidence/EvidenceFormPage';
import { EvidenceLibraryPage } from '../evidence/EvidenceLibraryPage';
import { EvidencePage } from '../evidence/EvidencePage';
import { ImportRoute } from '../evidence/ImportPage';
import { NewProposalRoute } from '../proposals/NewProposalPage';
import { EditorPreviewPageLazy } from '../editor/lazy';
import { ProposalPage } from '../proposals/ProposalPage';
import { ProposalPrintPage } from '../proposals/PrintPage';
import { ProposalsPage } from '../proposals/ProposalsPage';
import { SearchPage } from '../search/SearchPage';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { ProgramsPage } from '../programs/ProgramsPage';
import { ProgramPage } from '../programs/ProgramPage';
import { ImportProgramRoute } from '../programs/ImportProgramPage';
import { ProgramMatchesPage, SuggestionMatchesPage } from '../adoption/MatchReviewPage';
import { DashboardRoute } from '../dashboard/lazy';
import { AppShell } from './AppShell';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/**
 * All routes. Pages behind sign-in go under the <AppShell> route; pages for some roles only are
 * wrapped in <RequireRole> with the same roles as their entry in app/navigation.ts.
 */
export const routes: RouteObject[] = [
  {
    element: (
      <SessionProvider>
        <Outlet />
      </SessionProvider>
    ),
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        // The print-ready document stands alone: no top bar or navigation around it.
        path: '/proposals/:id/print',
        element: (
          <RequireAuth>
            <ProposalPrintPage />
          </RequireAuth>
        ),
      },
      {
        element: (
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'proposals', element: <ProposalsPage /> },
          { path: 'proposals/new', element: <NewProposalRoute /> },
          { path: 'proposals/:id', element: <ProposalPage /> },
          { path: 'evidence', element: <EvidenceLibraryPage /> },
          { path: 'evidence/new', element: <NewEvidenceRoute /> },
          { path: 'evidence/import', element: <ImportRoute /> },
          { path: 'evidence/:id', element: <EvidencePage /> },
          { path: 'evidence/:id/edit', element: <EditEvidencePage /> },
          { path: 'proposals/:id/edit', element: <EditorPreviewPageLazy /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'programs', element: <ProgramsPage /> },
          { path: 'programs/import', element: <ImportProgramRoute /> },
          { path: 'programs/:id', element: <ProgramPage /> },
          { path: 'programs/:id/matches', element: <ProgramMatchesPage /> },
          { path: 'suggestions/:id/matches', element: <SuggestionMatchesPage /> },
          { path: 'dashboard', element: <DashboardRoute /> },
          {
            path: 'admin/users',
            element: (
              <RequireRole roles={['admin']}>
                <UsersPage />
              </RequireRole>
            ),
          },
          {
            path: 'admin/audit',
            element: (
              <RequireRole roles={['admin']}>
                <AuditLogPage />
              </RequireRole>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
