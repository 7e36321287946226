import { SearchIndexer } from '../../search/search-indexer';
import { TestApp, startTestApp } from '../../test-support/test-app';

const PROBE_TOKEN = 'health-probe-token-0123456789abcdef';

/** GET /health as the given headers, with the body as text (so that no number can hide in it). */
async function health(t: TestApp, headers: Record<string, string> = {}): Promise<{ status: number; text: string; body: any }> {
  const response = await fetch(`${t.url}/health`, { headers });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

describe('GET /health', () => {
  let t: TestApp;
  let adminCookie: string;
  let memberCookie: string;
  beforeAll(async () => {
    // behind one proxy, as in production: X-Forwarded-For names the client
    t = await startTestApp({ TRUST_PROXY: '1', HEALTH_TOKEN: PROBE_TOKEN });
    await t.app.get(SearchIndexer).catchUp();
    adminCookie = (await t.signIn('admin@jianyan.demo')).cookieHeader;
    memberCookie = (await t.signIn('zhangjie@jianyan.demo')).cookieHeader;
  });
  afterAll(() => t.close());

  it('reports the database, its dialect, migrations and the search counts to a signed-in admin', async () => {
    const { status, body } = await health(t, { cookie: adminCookie });
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.components.database).toMatchObject({ status: 'up', dialect: t.dialect, pendingMigrations: false });
    expect(body.components.search.indexes.evidence.documents).toBeGreaterThan(0);
  });

  it.each([
    ['a stranger behind the proxy', { 'x-forwarded-for': '203.0.113.7' }],
    ['a request from loopback without forwarding headers (a proxy on the same machine looks like this)', {}],
    ['a stranger with a wrong probe token', { 'x-forwarded-for': '203.0.113.7', 'x-health-token': `${PROBE_TOKEN}x` }],
  ])('tells %s the status and nothing else', async (_who, headers) => {
    const { status, text } = await health(t, headers);
    expect(status).toBe(200);
    expect(text).toBe('{"status":"ok"}');
  });

  it('tells a signed-in member who is not an admin the status and nothing else', async () => {
    const { text } = await health(t, { cookie: memberCookie, 'x-forwarded-for': '203.0.113.7' });
    expect(text).toBe('{"status":"ok"}');
  });

  it('gives monitoring holding HEALTH_TOKEN the details, from anywhere', async () => {
    const { body } = await health(t, { 'x-health-token': PROBE_TOKEN, 'x-forwarded-for': '203.0.113.7' });
    expect(body.components.search.indexes.evidence.documents).toBeGreaterThan(0);
    expect(body.components.database.status).toBe('up');
  });
});
