import type { Role } from '@jianyan/shared';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { NoPermission } from '../app/NoPermission';
import { SessionErrorPage } from '../app/SessionErrorPage';
import { Loading } from '../ui/Status';
import { useSession } from './session';

/** Where the login page sends the user back to. */
export interface LoginLocationState {
  from?: { pathname: string; search?: string; hash?: string };
}

/** Renders children for a signed-in user; otherwise sends them to /login, remembering where they were. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading fullPage />;
  if (status === 'error') return <SessionErrorPage />;
  if (status === 'signedOut') {
    const state: LoginLocationState = {
      from: { pathname: location.pathname, search: location.search, hash: location.hash },
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return <>{children}</>;
}

/** Renders children only for the given roles; other signed-in users see a "no permission" state. */
export function RequireRole({ roles, children, message }: { roles: readonly Role[]; children: ReactNode; message?: string }) {
  const { user } = useSession();
  if (!user || !roles.includes(user.role)) return <NoPermission body={message} />;
  return <>{children}</>;
}
