import { GraphQLSchemaHost } from '@nestjs/graphql';
import { validate } from 'graphql';
import { TestApp, startTestApp } from '../test-support/test-app';
import { errorCode } from '../test-support/graphql-client';
import { measureOperation } from './query-limits';
import { webOperations } from './web-operations';

const ADMIN = 'admin@jianyan.demo';
const PRODUCTION = { NODE_ENV: 'production', SESSION_SECRET: 'a-test-secret-that-is-long-enough-0123456789' };

async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** Evidence > links > evidence > links …: depth 3 + 2 × levels. */
const HEAVY_PROPOSALS = `query($n: Int!) { proposals(first: $n) { nodes { id members { user { id } }
  suggestions { id evidenceLinks { id evidence { id links { id } } } } } } }`;

function nested(levels: number): string {
  let inner = 'id';
  for (let level = 0; level < levels; level++) inner = `id links { id evidence { ${inner} } }`;
  return `{ evidenceList(first: 1) { nodes { ${inner} } } }`;
}

describe('hardening (development mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  it('sends the security headers with every response, the web app included', async () => {
    for (const response of [await fetch(`${t.url}/`, { headers: { accept: 'text/html' } }), await fetch(`${t.url}/health`)]) {
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain(`connect-src 'self' ws://${new URL(t.url).host}`);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('behind a trusted TLS proxy: HSTS, wss: in the policy and a Secure session cookie; over plain HTTP no Secure', async () => {
    const login = (headers: Record<string, string>) =>
      post(t.url, JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { id } }', variables: { i: { identifier: ADMIN, password: 'jianyan-demo-2026' } } }), headers);
    const overTls = await login({ 'x-forwarded-proto': 'https' });
    expect(overTls.status).toBe(200);
    expect(overTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(overTls.headers.get('content-security-policy')).toContain(`wss://${new URL(t.url).host}`);
    const tlsCookie = overTls.headers.getSetCookie().find((c) => c.startsWith('jy_session='))!;
    expect(tlsCookie).toMatch(/;\s*Secure/i);
    expect(tlsCookie).toMatch(/;\s*HttpOnly/i);
    const plain = await login({});
    const plainCookie = plain.headers.getSetCookie().find((c) => c.startsWith('jy_session='))!;
    expect(plainCookie).not.toMatch(/;\s*Secure/i);
  });

  it('refuses a body above the limit with 413 and a clear JSON error, and malformed JSON with 400', async () => {
    const huge = await post(t.url, JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(9 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    const body = (await huge.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0].message).toContain('8 MB');
    const malformed = await post(t.url, '{"query": "{ me { id } }"');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it('refuses too deep and too costly operations with QUERY_TOO_COMPLEX and the limit, before resolving', async () => {
    const admin = await t.signIn(ADMIN);
    expect((await admin.request(nested(3))).errors).toBeUndefined();
    const deep = await admin.request(nested(10));
    expect(deep.status).toBe(400);
    expect(errorCode(deep)).toBe('QUERY_TOO_COMPLEX');
    expect(deep.errors![0].message).toMatch(/depth \d+ exceeds the limit of 12/);
    expect(deep.errors![0].extensions).toMatchObject({ maxDepth: 12 });
    const costly = await admin.request(
      HEAVY_PROPOSALS,
      { n: 1000 },
    );
    expect(errorCode(costly)).toBe('QUERY_TOO_COMPLEX');
    expect(costly.errors![0].message).toMatch(/cost \d+ exceeds the limit of 200000/);
    expect(costly.data ?? null).toBeNull();
    // the same query with a page size the app uses passes
    const paged = await admin.request(
      HEAVY_PROPOSALS,
      { n: 20 },
    );
    expect(paged.errors).toBeUndefined();
  });

  it('lets every operation of the web app through the default limits', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const operations = webOperations();
    expect(operations.length).toBeGreaterThan(30);
    const measured = operations.map((op) => {
      expect(validate(schema, op.document)).toEqual([]);
      return { name: op.name, ...measureOperation(schema, op.document, op.operation, { first: 100 }) };
    });
    const deepest = Math.max(...measured.map((m) => m.depth));
    const costliest = Math.max(...measured.map((m) => m.cost));
    process.stdout.write(`web operations: ${measured.length}, deepest ${deepest}, costliest ${costliest}\n`);
    for (const m of measured) {
      expect({ ...m, ok: m.depth <= 12 && m.cost <= 200000 }).toEqual({ ...m, ok: true });
    }
  });

  it('refuses text with a NUL character or a lone surrogate as bad input (not storable as sent), in variables and literals', async () => {
    const viaVariables = await t.client().request('mutation($i: LoginInput!) { login(input: $i) { id } }', { i: { identifier: 'a\u0000b', password: 'x' } });
    expect(viaVariables.status).toBe(400);
    expect(errorCode(viaVariables)).toBe('BAD_USER_INPUT');
    expect(viaVariables.errors![0].message).toContain('NUL');
    const viaLiteral = await t.client().request('mutation { login(input: { identifier: "a\\u0000b", password: "x" }) { id } }');
    expect(errorCode(viaLiteral)).toBe('BAD_USER_INPUT');
    for (const identifier of ['\ud800', 'a\udfffb', '\udc00\ud800']) {
      const loneSurrogate = await t.client().request('mutation($i: LoginInput!) { login(input: $i) { id } }', { i: { identifier, password: 'x' } });
      expect(errorCode(loneSurrogate)).toBe('BAD_USER_INPUT');
    }
    // well-formed text outside the Basic Multilingual Plane is fine
    const emoji = await t.client().request('mutation($i: LoginInput!) { login(input: $i) { id } }', { i: { identifier: '👩‍👧𠀀', password: 'x' } });
    expect(errorCode(emoji)).toBe('INVALID_CREDENTIALS');
  });

  it('answers introspection outside production', async () => {
    const result = await t.client().request('{ __schema { queryType { name } } }');
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('hardening (configured limits)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '50' });
  });
  afterAll(() => t.close());

  it('takes the limits from GRAPHQL_MAX_DEPTH and GRAPHQL_MAX_COST', async () => {
    const admin = await t.signIn(ADMIN);
    expect((await admin.request('{ me { organization { id } } }')).errors).toBeUndefined();
    const deep = await admin.request(nested(1));
    expect(errorCode(deep)).toBe('QUERY_TOO_COMPLEX');
    expect(deep.errors![0].extensions).toMatchObject({ maxDepth: 3 });
    const costly = await admin.request('{ users(first: 30) { nodes { id displayName } } }');
    expect(errorCode(costly)).toBe('QUERY_TOO_COMPLEX');
    expect(costly.errors![0].extensions).toMatchObject({ maxCost: 50 });
  });
});

describe('hardening (production mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(PRODUCTION);
  });
  afterAll(() => t.close());

  it('refuses introspection and serves no sandbox or landing page', async () => {
    const result = await t.client().request('{ __schema { queryType { name } } }');
    expect(result.data ?? null).toBeNull();
    expect(result.errors![0].message).toMatch(/introspection/i);
    const typeQuery = await t.client().request('{ __type(name: "Query") { name } }');
    expect(typeQuery.errors![0].message).toMatch(/introspection/i);
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await page.text();
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    expect(text).not.toMatch(/<html|<script|sandbox/i);
  });

  it('sets Secure on the session cookie in production even over plain HTTP', async () => {
    const response = await post(
      t.url,
      JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { id } }', variables: { i: { identifier: ADMIN, password: 'jianyan-demo-2026' } } }),
    );
    expect(response.headers.getSetCookie().find((c) => c.startsWith('jy_session='))).toMatch(/;\s*Secure/i);
  });
});
