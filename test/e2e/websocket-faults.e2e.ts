import { connectCollab } from '../../api/src/test-support/collab-client';
import { HUGE_FRAME_HEADER, RESERVED_OPCODE_FRAME, UNMASKED_FRAME, closeCodeIn, rawRequest, rawUpgrade } from '../support/raw-websocket';
import { RunningServer, startServer } from '../support/server';
import { signInCookie } from '../support/api-session';

/**
 * Malformed and oversized WebSocket traffic sent by hand over TCP to the built product: each
 * attack closes its own socket only; the process keeps serving signed-in editors and GraphQL.
 */
const MODES: Record<string, string>[] = [
  { NODE_ENV: 'development' },
  { NODE_ENV: 'production', SESSION_SECRET: 'websocket-faults-test-secret-0123456789', COOKIE_SECURE: 'false' },
];

async function graphql(url: string, cookie: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

describe.each(MODES)('WebSocket faults against the built server (NODE_ENV=$NODE_ENV)', (env) => {
  let server: RunningServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer(env);
    cookie = await signInCookie(server.url, 'zhangjie@jianyan.demo');
  });
  afterAll(() => server?.stop());

  const expectAlive = async () => {
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  };

  it.each([
    ['/collab', 'without a session', {}, 1009],
    ['/collab', 'signed in', { signedIn: true }, 1009],
    ['/graphql', 'signed in (graphql-ws)', { signedIn: true, protocol: 'graphql-transport-ws' }, 1009],
    // graphql-ws refuses the legacy subscriptions-transport-ws protocol at once (4406 Subprotocol not acceptable)
    ['/graphql', 'with the legacy subscriptions-transport-ws protocol', { signedIn: true, protocol: 'graphql-ws' }, 4406],
  ])('closes a %s socket (%s) announcing a 17 MB frame, and stays up', async (path, _label, options: { signedIn?: boolean; protocol?: string }, closeCode) => {
    const attacker = await rawUpgrade(server.url, path, { cookie: options.signedIn ? cookie : undefined, protocol: options.protocol });
    expect(attacker.status).toBe('HTTP/1.1 101 Switching Protocols');
    attacker.send(HUGE_FRAME_HEADER);
    expect(closeCodeIn(await attacker.closed)).toBe(closeCode);
    await expectAlive();
  });

  it.each([
    ['a reserved opcode', RESERVED_OPCODE_FRAME],
    ['an unmasked client frame', UNMASKED_FRAME],
  ])('closes a socket sending %s with a protocol error (1002), on /collab and /graphql', async (_label, frame) => {
    for (const [path, protocol] of [['/collab', undefined], ['/graphql', 'graphql-transport-ws']]) {
      const attacker = await rawUpgrade(server.url, path!, { cookie, protocol });
      expect(attacker.status).toBe('HTTP/1.1 101 Switching Protocols');
      attacker.send(frame);
      expect(closeCodeIn(await attacker.closed)).toBe(1002);
    }
    await expectAlive();
  });

  it('answers garbage instead of an HTTP request with 400 and closes', async () => {
    const attacker = await rawRequest(server.url, 'GARBAGE\x00\x01\x02 / HTTP/9\r\n\r\n');
    expect(attacker.status).toMatch(/^HTTP\/1\.1 400 /);
    await attacker.closed;
    await expectAlive();
  });

  it('refuses an upgrade to a path without a WebSocket listener (404) and closes', async () => {
    const attacker = await rawUpgrade(server.url, '/evidence/socket', { cookie });
    expect(attacker.status).toBe('HTTP/1.1 404 Not Found');
    attacker.send(HUGE_FRAME_HEADER);
    await attacker.closed;
    await expectAlive();
  });

  it('still serves a signed-in co-author and GraphQL after all of the above', async () => {
    const { data } = await graphql(server.url, cookie, '{ organizations { id code } }');
    const districtId = data!.organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const created = await graphql(server.url, cookie, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于加强流动儿童心理健康服务的建议', year: 2025, districtId },
    });
    expect(created.errors).toBeUndefined();
    const proposalId = created.data!.createProposal.id as string;
    const editor = connectCollab(server.url, proposalId, cookie);
    try {
      await editor.synced;
      editor.appendParagraph('攻击之后仍可正常编辑');
      await editor.saved();
    } finally {
      editor.close();
    }
    const reader = connectCollab(server.url, proposalId, cookie);
    try {
      await reader.synced;
      expect(reader.text()).toContain('攻击之后仍可正常编辑');
    } finally {
      reader.close();
    }
    await expectAlive();
  });
});
