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
