import { DEMO_PASSWORD } from '../../api/src/seed/demo-data';

/**
 * Requests for fault tests: each one is abandoned after `hangAfterMs` (reported as a hang, not a
 * result), and the time it took is returned so that the test can print what it measured.
 */
export interface Answer<T = any> {
  status: number;
  body: T;
  ms: number;
  cookie: string;
}

export const HANG_AFTER_MS = 20_000;

export async function request<T = any>(url: string, init: RequestInit = {}, hangAfterMs = HANG_AFTER_MS): Promise<Answer<T>> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(hangAfterMs) });
  } catch (error) {
    const what = (error as Error).name === 'TimeoutError' ? `hung: no answer within ${hangAfterMs} ms` : `failed: ${String((error as Error).cause ?? error)}`;
    throw new Error(`${init.method ?? 'GET'} ${url} ${what}`);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion message
  }
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { status: response.status, body: body as T, ms: Math.round(performance.now() - started), cookie };
}

export function graphql<T = any>(baseUrl: string, cookie: string, query: string, variables?: Record<string, unknown>) {
  return request<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
}

export const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { id } }';

/** Signs in with the demo password; resolves with the answer (its cookie is empty when refused). */
export const login = (baseUrl: string, identifier: string) => graphql(baseUrl, '', LOGIN, { input: { identifier, password: DEMO_PASSWORD } });

export async function signIn(baseUrl: string, identifier: string): Promise<string> {
  const answer = await login(baseUrl, identifier);
  if (!answer.cookie) throw new Error(`sign-in of ${identifier} failed: ${JSON.stringify(answer.body)}`);
  return answer.cookie;
}

/** The data of a GraphQL answer, or an error naming what came back instead. */
export function dataOf<T>(answer: Answer<{ data?: T; errors?: unknown }>): T {
  if (answer.body.errors || !answer.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.body)}`);
  return answer.body.data;
}

export const health = (baseUrl: string, token: string) => request(`${baseUrl}/health`, { headers: { 'x-health-token': token } });
