import { serverAudits } from 'graphql-http';
import { TestApp, startTestApp } from '../test-support/test-app';

/**
 * The GraphQL-over-HTTP conformance audits of graphql-http against the running API. The API has
 * Apollo's CSRF prevention on, so every audit request carries `apollo-require-preflight`, as the
 * web app's requests do (it makes even a GET a non-simple request that browsers preflight).
 */
describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('passes every MUST audit, on POST and GET', async () => {
    const fetchWithPreflightHeader = (input: string | URL, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), 'apollo-require-preflight': 'true' } });
    const audits = serverAudits({ url: `${t.url}/graphql`, fetchFn: fetchWithPreflightHeader });
    const results = [];
    for (const audit of audits) results.push(await audit.fn());
    const must = results.filter((result) => result.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThanOrEqual(13);
    const failedMust = must
      .filter((result) => result.status !== 'ok')
      .map((result) => ({ id: result.id, name: result.name, reason: 'reason' in result ? result.reason : '' }));
    expect(failedMust).toEqual([]);
    const others = results.filter((result) => !result.name.startsWith('MUST') && result.status !== 'ok');
    process.stdout.write(
      `graphql-http audits: ${must.length} MUST passed; SHOULD/MAY not met: ${others.length}\n` +
        others.map((result) => `  ${result.id} ${result.name}`).join('\n') +
        '\n',
    );
  });
});
