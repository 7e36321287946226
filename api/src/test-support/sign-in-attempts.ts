import type { Agent } from 'node:http';
import { AddressedResponse, cookieHeaderOf, postFromAddress } from './http-from-address';
import type { TestApp } from './test-app';

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { id } }';

export type Outcome = 'signedIn' | 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' | string;

export interface SignInAttemptResult {
  outcome: Outcome;
  scope?: string;
  retryAfterSeconds?: number;
  response: AddressedResponse;
}

/** One sign-in over a connection from the client address `from` (any 127.x.y.z), optionally with cookies. */
export async function signInFrom(t: TestApp, from: string, identifier: string, password: string, cookie = '', agent?: Agent): Promise<SignInAttemptResult> {
  const response = await postFromAddress(`${t.url}/graphql`, from, { query: LOGIN, variables: { i: { identifier, password } } }, cookie ? { cookie } : {}, agent);
  const error = response.body.errors?.[0];
  if (!error && response.body.data?.login?.id) return { outcome: 'signedIn', response };
  return { outcome: error?.extensions?.code ?? 'none', scope: error?.extensions?.scope, retryAfterSeconds: error?.extensions?.retryAfterSeconds, response };
}

/** The known-device cookie a successful sign-in set, as a Cookie header. */
export function knownDeviceCookie(attempt: SignInAttemptResult): string {
  return cookieHeaderOf(attempt.response.setCookies.filter((c) => c.startsWith('jy_device=')));
}

export const countOutcomes = (attempts: SignInAttemptResult[], outcome: Outcome) => attempts.filter((a) => a.outcome === outcome).length;
