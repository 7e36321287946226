import { useApolloClient, useQuery } from '@apollo/client';
import { ERROR_CODES } from '@jianyan/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setUnauthenticatedHandler } from '../graphql/client';
import { hasErrorCode, toAppError, type AppError } from '../graphql/errors';
import { LOGIN_MUTATION, LOGOUT_MUTATION, ME_QUERY } from '../graphql/session';
import type { User } from '../graphql/types';

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'error';

/** Why the user is signed out, for the login page's notice. */
export type SignedOutReason = 'expired' | 'signedOut' | null;

export interface Session {
  status: SessionStatus;
  user: User | null;
  /** Set when the user was signed out during this visit. */
  reason: SignedOutReason;
  /** The server's refusal when the session ended by itself (e.g. idle too long: its reason and timeout). */
  endedBy: AppError | null;
  /** The session check failed for another reason than "not signed in" (network, server). */
  error: unknown;
  retry: () => void;
  /** Signs in; throws the Apollo error on failure. */
  signIn: (identifier: string, password: string) => Promise<void>;
  /** Signs out; throws on network failure (the session then still exists). */
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const me = useQuery(ME_QUERY, { fetchPolicy: 'network-only', nextFetchPolicy: 'cache-first', notifyOnNetworkStatusChange: true });
  const [reason, setReason] = useState<SignedOutReason>(null);
  const [endedBy, setEndedBy] = useState<AppError | null>(null);
  const { refetch } = me;

  const user = reason === null ? (me.data?.me ?? null) : null;
  let status: SessionStatus;
  if (reason !== null) status = 'signedOut';
  else if (user) status = 'signedIn';
  else if (me.error) status = hasErrorCode(me.error, ERROR_CODES.unauthenticated) ? 'signedOut' : 'error';
  else status = 'loading';

  const statusRef = useRef(status);
  statusRef.current = status;

  useEffect(
    () =>
      setUnauthenticatedHandler((refusal) => {
        if (statusRef.current !== 'signedIn') return;
        setEndedBy(toAppError(refusal));
        setReason('expired');
        void client.clearStore();
      }),
    [client],
  );

  const signIn = useCallback(
    async (identifier: string, password: string) => {
      await client.clearStore(); // nothing of a previous account survives
      await client.mutate({ mutation: LOGIN_MUTATION, variables: { input: { identifier, password } } });
      await refetch();
      setReason(null);
      setEndedBy(null);
    },
    [client, refetch],
  );

  const signOut = useCallback(async () => {
    try {
      await client.mutate({ mutation: LOGOUT_MUTATION });
    } catch (error) {
      if (!hasErrorCode(error, ERROR_CODES.unauthenticated)) throw error;
    }
    setReason('signedOut');
    await client.clearStore();
  }, [client]);

  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);

  const value = useMemo<Session>(
    () => ({
      status,
      user,
      reason,
      // a session that ended before this visit's first check (idle overnight) says so too
      endedBy: endedBy ?? (status === 'signedOut' && me.error ? toAppError(me.error) : null),
      error: status === 'error' ? me.error : null,
      retry,
      signIn,
      signOut,
    }),
    [status, user, reason, endedBy, me.error, retry, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in user; only for components rendered behind <RequireAuth>. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser used without a signed-in user');
  return user;
}
