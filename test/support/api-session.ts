import { DEMO_PASSWORD } from './login';

/** Sends one GraphQL operation in the session; resolves with its data, throws on GraphQL errors. */
export type ApiCall = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;

/**
 * A GraphQL-over-HTTP session signed in as `identifier` (demo password), keeping the session cookie
 * between calls: for setting the scene of a browser test (the browser does the part under test).
 */
export async function apiSession(baseUrl: string, identifier: string, password = DEMO_PASSWORD): Promise<ApiCall> {
  let cookie = '';
  async function call(query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie().map((c) => c.split(';')[0]);
    if (setCookie.length) cookie = setCookie.join('; ');
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  }
  await call(`mutation($input: LoginInput!) { login(input: $input) { id } }`, { input: { identifier, password } });
  return call;
}

/** Signs in over GraphQL and returns the session cookie, to send to any instance (they share sessions). */
export async function signInCookie(baseUrl: string, identifier: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { id } }', variables: { input: { identifier, password } } }),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!cookie) throw new Error(`sign-in of ${identifier} on ${baseUrl} failed: ${await response.text()}`);
  return cookie;
}

/** One GraphQL operation with a session cookie; resolves with its data, throws on GraphQL errors. */
export async function graphqlWithCookie<T = any>(baseUrl: string, cookie: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL errors from ${baseUrl}: ${JSON.stringify(body.errors)}`);
  return body.data;
}
