import { BODY_FIELD } from '@jianyan/shared';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CollaborationService } from '../collaboration/collaboration.service';
import { DocumentStore } from '../collaboration/document-store';
import { DataSource } from 'typeorm';
import { SessionEntity } from '../core/auth/session.entity';
import { CollabClient, connectCollab, eventually } from '../test-support/collab-client';
import { GraphQLTestClient } from '../test-support/graphql-client';
import { ADD_MEMBER, ProposalFixtures } from '../test-support/proposal-fixtures';
import { SubscriptionClient, subscribe } from '../test-support/subscription-client';
import { TestApp, startTestApp } from '../test-support/test-app';

const NOTIFICATION_ADDED = 'subscription { notificationAdded { id } }';
const PASSWORD = 'socket-test-password-2026';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }';

/** Resolves 'connected' once graphql-ws acknowledges the connection, or the close code when the server closes it first. */
function graphqlWsHandshake(baseUrl: string, cookie: string): Promise<'connected' | number> {
  return new Promise((resolve) => {
    const client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { cookie } });
        }
      },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
      on: {
        connected: () => {
          resolve('connected');
          void client.dispose();
        },
        closed: (event) => resolve((event as { code: number }).code),
      },
    });
  });
}

/** Resolves with the close code of the next time the client's WebSocket closes. */
function nextClose(client: CollabClient): Promise<number> {
  return new Promise((resolve) => client.provider.configuration.websocketProvider.on('close', ({ event }: { event: { code: number } }) => resolve(event.code)));
}

describe('WebSockets and the session behind them', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  const collabClients: CollabClient[] = [];
  const subscriptions: SubscriptionClient[] = [];
  let people = 0;

  const openCollab = (proposalId: string, cookie: string) => {
    const client = connectCollab(t.url, proposalId, cookie);
    collabClients.push(client);
    return client;
  };
  const openSubscription = (cookie: string) => {
    const subscription = subscribe(t.url, cookie, NOTIFICATION_ADDED);
    subscriptions.push(subscription);
    return subscription;
  };
  const storedText = async (proposalId: string) => {
    const doc = new Y.Doc();
    await t.app.get(DocumentStore).load(`proposal:${proposalId}`, doc);
    return doc.getXmlFragment(BODY_FIELD).toString();
  };
  const signIn = async (email: string, password = PASSWORD) => {
    const client = new GraphQLTestClient(t.url);
    const result = await client.login(email, password);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return client;
  };
  /** A new co-author of a new proposal of zhangjie's, and that proposal. */
  const newCoauthor = async () => {
    const email = `socket-${++people}@jianyan.test`;
    const { createUser } = await (await f.as('admin')).ok(CREATE_USER, {
      input: { displayName: `执委${people}`, email, role: 'member', organizationId: f.orgIds.jinan, password: PASSWORD },
    });
    const proposal = await f.create('zhangjie');
    await (await f.as('zhangjie')).ok(ADD_MEMBER, { input: { proposalId: proposal.id, userId: createUser.user.id, role: 'coauthor' } });
    return { email, userId: createUser.user.id as string, proposalId: proposal.id as string };
  };
  /** An open, synced editor whose first paragraph was stored. */
  const syncedEditor = async (proposalId: string, cookie: string, firstText: string) => {
    const client = openCollab(proposalId, cookie);
    await client.synced;
    client.appendParagraph(firstText);
    await client.saved();
    return client;
  };
  /** What a member who opens the document now sees. */
  const textSeenByOwner = async (proposalId: string) => {
    const reader = openCollab(proposalId, (await f.as('zhangjie')).cookieHeader);
    await reader.synced;
    return reader.text();
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
  });
  afterEach(async () => {
    collabClients.splice(0).forEach((c) => c.close());
    await Promise.all(subscriptions.splice(0).map((s) => s.dispose()));
  });
  afterAll(async () => {
    // the last editors' documents are stored as they unload: let that finish before the database goes
    await eventually(() => expect(t.app.get(CollaborationService).hocuspocus.getDocumentsCount()).toBe(0));
    await t.close();
  });

  describe('the signed session cookie', () => {
    /** The session cookie's parts: `jy_session=s%3A<token>.<signature>`. */
    const cookieParts = (cookieHeader: string) => {
      const value = decodeURIComponent(cookieHeader.match(/jy_session=([^;]+)/)![1]);
      const dot = value.lastIndexOf('.');
      return { token: value.slice(2, dot), signature: value.slice(dot + 1) };
    };
    const tamper = (signature: string) => (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);

    it('accepts the signed cookie on HTTP, /collab and graphql-ws', async () => {
      const { email, proposalId } = await newCoauthor();
      const cookie = (await signIn(email)).cookieHeader;
      await expect(openCollab(proposalId, cookie).synced).resolves.toBeUndefined();
      await expect(graphqlWsHandshake(t.url, cookie)).resolves.toBe('connected');
    });

    it.each([
      ['the bare token (no signature)', (token: string) => `jy_session=${token}`],
      ['the bare token with the s: prefix', (token: string) => `jy_session=${encodeURIComponent(`s:${token}`)}`],
      ['a tampered signature', (token: string, signature: string) => `jy_session=${encodeURIComponent(`s:${token}.${tamper(signature)}`)}`],
    ])('refuses %s on HTTP, /collab and graphql-ws', async (_label, forge) => {
      const { email, proposalId } = await newCoauthor();
      const { token, signature } = cookieParts((await signIn(email)).cookieHeader);
      const forged = forge(token, signature);

      const http = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: forged },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(((await http.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      await expect(openCollab(proposalId, forged).refused).resolves.toBeDefined();
      await expect(graphqlWsHandshake(t.url, forged)).resolves.toBe(4403);
    });
  });

  describe('sessions that end close their sockets at once', () => {
    it('sign-out: the session’s editor and subscription close, an update sent after is not stored; her other session keeps writing', async () => {
      const { email, proposalId } = await newCoauthor();
      const leaving = await signIn(email);
      const staying = await signIn(email);
      const editor = await syncedEditor(proposalId, leaving.cookieHeader, '退出前写入的段落');
      const other = await syncedEditor(proposalId, staying.cookieHeader, '另一会话写入的段落');
      const subscription = openSubscription(leaving.cookieHeader);
      await expect(graphqlWsHandshake(t.url, leaving.cookieHeader)).resolves.toBe('connected');
      const closed = nextClose(editor);

      await leaving.ok('mutation { logout }');
      editor.appendParagraph('退出后发送的段落');

      expect(await closed).toBe(4401);
      await expect(subscription.closed).resolves.toBe(4403);
      await expect(editor.refused).resolves.toBeDefined();
      other.appendParagraph('退出后另一会话仍可写入');
      await other.saved();
      const seen = await textSeenByOwner(proposalId);
      expect(seen).toContain('退出前写入的段落');
      expect(seen).toContain('退出后另一会话仍可写入');
      expect(seen).not.toContain('退出后发送的段落');
      expect(await storedText(proposalId)).not.toContain('退出后发送的段落');
    });

    it('deactivation by an admin: every session’s editor and subscription close, an update sent after is not stored', async () => {
      const { email, userId, proposalId } = await newCoauthor();
      const first = await signIn(email);
      const second = await signIn(email);
      const editors = [await syncedEditor(proposalId, first.cookieHeader, '停用前写入一'), await syncedEditor(proposalId, second.cookieHeader, '停用前写入二')];
      const subscription = openSubscription(second.cookieHeader);
      await expect(graphqlWsHandshake(t.url, second.cookieHeader)).resolves.toBe('connected');
      const closed = editors.map(nextClose);

      await (await f.as('admin')).ok('mutation($userId: ID!) { deactivateUser(userId: $userId) { id active } }', { userId });
      editors.forEach((editor, i) => editor.appendParagraph(`停用后发送${i}`));

      expect(await Promise.all(closed)).toEqual([4401, 4401]);
      await expect(subscription.closed).resolves.toBe(4403);
      const seen = await textSeenByOwner(proposalId);
      expect(seen).toContain('停用前写入二');
      expect(seen).not.toContain('停用后发送');
      expect(await storedText(proposalId)).not.toContain('停用后发送');
    });

    it('password change: the other sessions’ editors and subscriptions close and an update sent after is not stored', async () => {
      const { email, proposalId } = await newCoauthor();
      const stolen = await signIn(email);
      const owner = await signIn(email);
      const editor = await syncedEditor(proposalId, stolen.cookieHeader, '改密前写入');
      const subscription = openSubscription(stolen.cookieHeader);
      await expect(graphqlWsHandshake(t.url, stolen.cookieHeader)).resolves.toBe('connected');
      const closed = nextClose(editor);

      await owner.ok('mutation($input: ChangePasswordInput!) { changePassword(input: $input) }', {
        input: { currentPassword: PASSWORD, newPassword: 'socket-test-password-2027' },
      });
      editor.appendParagraph('改密后发送的段落');

      expect(await closed).toBe(4401);
      await expect(subscription.closed).resolves.toBe(4403);
      await expect(editor.refused).resolves.toBeDefined();
      // the session that changed the password is still signed in and may edit
      await syncedEditor(proposalId, owner.cookieHeader, '改密后本人继续写入');
      const seen = await textSeenByOwner(proposalId);
      expect(seen).toContain('改密后本人继续写入');
      expect(seen).not.toContain('改密后发送的段落');
      expect(await storedText(proposalId)).not.toContain('改密后发送的段落');
    });
  });

  it('a session that expires while its editor is open: the next update is refused and not stored, the socket closes', async () => {
    const { email, userId, proposalId } = await newCoauthor();
    const session = await signIn(email);
    const editor = await syncedEditor(proposalId, session.cookieHeader, '过期前写入');
    const closed = nextClose(editor);
    // time passes: no event tells anyone, the session's expiry is simply reached
    await t.app.get(DataSource).getRepository(SessionEntity).update({ userId }, { expiresAt: new Date(Date.now() - 1000) });

    editor.appendParagraph('过期后发送的段落');

    expect(await closed).toBe(4401);
    expect(await textSeenByOwner(proposalId)).not.toContain('过期后发送的段落');
    expect(await storedText(proposalId)).not.toContain('过期后发送的段落');
  });
});
