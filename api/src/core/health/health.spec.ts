import { TestApp, startTestApp } from '../../test-support/test-app';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
  });
  afterAll(() => t.close());

  it('reports the database, its dialect and that migrations are applied, without a session', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.status).toBe('ok');
    expect(body.components.database).toMatchObject({ status: 'up', dialect: t.dialect, pendingMigrations: false });
  });
});
