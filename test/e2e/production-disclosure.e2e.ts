import { RunningServer, startServer } from '../support/server';

/**
 * What a production server gives away to anyone: no "Did you mean" suggestions in GraphQL validation
 * errors (introspection is off, so they would be the way to map the schema), and no source maps of
 * the built web app.
 */
describe('production server discloses neither schema suggestions nor source maps', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ NODE_ENV: 'production', SESSION_SECRET: 'e2e-secret-that-is-long-enough-0123456789', COOKIE_SECURE: 'false' });
  });
  afterAll(() => server?.stop());

  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return ((await response.json()) as { errors: { message: string }[] }).errors.map((e) => e.message);
  };

  it('answers misspelt fields, arguments, types and enum values without suggesting the right ones', async () => {
    const messages = [
      ...(await graphql('{ proposals(first: 1) { nodes { titl } } }')),
      ...(await graphql('{ proposals(frist: 1) { totalCount } }')),
      ...(await graphql('query($f: ProposalFiltr) { proposals(first: 1, filter: $f) { totalCount } }')),
      ...(await graphql('mutation($input: UpdateProgramClauseInput!) { updateProgramClause(input: $input) { id } }', { input: { id: 'x', kind: 'measur' } })),
    ];
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('Cannot query field "titl"'), expect.stringContaining('"frist"')]));
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const message of messages) expect(message).not.toMatch(/Did you mean/i);
    expect(messages.join(' ')).not.toMatch(/"title"|"first"|"ProposalFilter"|"measure"/);
  });

  it('serves the web app without source maps: none referenced, none served', async () => {
    const index = await (await fetch(`${server.url}/`, { headers: { accept: 'text/html' } })).text();
    expect(index).not.toContain('.map');
    const scripts = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const asset of scripts) {
      const content = await (await fetch(`${server.url}${asset}`)).text();
      expect(content).not.toContain('sourceMappingURL');
      const map = await fetch(`${server.url}${asset}.map`, { headers: { accept: '*/*' } });
      expect(map.status).toBe(404);
      expect(await map.text()).not.toContain('"mappings"');
    }
  });
});
