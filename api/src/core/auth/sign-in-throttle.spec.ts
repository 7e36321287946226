import { DEMO_PASSWORD } from '../../seed/demo-data';
import { openConnections, postFromAddress } from '../../test-support/http-from-address';
import { SignInAttemptResult as Attempt, countOutcomes as count, knownDeviceCookie, signInFrom as signIn } from '../../test-support/sign-in-attempts';
import { TestApp, startTestApp } from '../../test-support/test-app';

/**
 * Attacks on the sign-in throttle over real sockets. Strangers are other client addresses:
 * the client end of each connection is bound to another 127.x address, so the server sees a
 * real different peer with the default TRUST_PROXY=false (a forged X-Forwarded-For must not count).
 */
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { id } }';
const ADMIN_EMAIL = 'admin@jianyan.demo';
const ADMIN_MOBILE = '13800000001';
const LIMIT = 5;

describe('sign-in throttle: a burst of parallel guesses', () => {
  let t: TestApp;
  beforeAll(async () => {
    // the address limit is set high so that the account's own bucket is the one the burst meets
    t = await startTestApp({ LOGIN_MAX_FAILURES: String(LIMIT), LOGIN_ADDRESS_MAX_FAILURES: '1000', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  it('checks at most the limit of passwords per identifier: 80 parallel guesses with the right one last do not sign in', async () => {
    const guesses = Array.from({ length: 80 }, (_, i) => (i === 79 ? DEMO_PASSWORD : `wrong-guess-${i}`));
    const agent = await openConnections(`${t.url}/graphql`, '127.0.0.2', 80);
    const attempts = await Promise.all(guesses.map((password, i) => signIn(t, '127.0.0.2', i % 2 ? ADMIN_MOBILE : ADMIN_EMAIL, password, '', agent)));
    agent.destroy();
    // every wrong-password answer is a checked password; the rest were refused before any check.
    // E-mail and mobile are counted apart per address (the count must not link them), so each gets LIMIT - 1.
    expect(count(attempts, 'INVALID_CREDENTIALS')).toBeLessThanOrEqual(2 * (LIMIT - 1));
    expect(count(attempts, 'INVALID_CREDENTIALS') + count(attempts, 'TOO_MANY_ATTEMPTS')).toBe(80);
    expect(count(attempts, 'signedIn')).toBe(0);
    expect(attempts[79]).toMatchObject({ outcome: 'TOO_MANY_ATTEMPTS', scope: 'account' });
    expect(attempts[79].response.setCookies).toEqual([]);
    // the limit is spent: the right password from that address is refused too
    const after = await signIn(t, '127.0.0.2', ADMIN_EMAIL, DEMO_PASSWORD);
    expect(after.outcome).toBe('TOO_MANY_ATTEMPTS');
    expect(after.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('does the same for one identifier alone (no race between the check and the count)', async () => {
    const guesses = Array.from({ length: 80 }, (_, i) => (i === 79 ? DEMO_PASSWORD : `wrong-guess-${i}`));
    const agent = await openConnections(`${t.url}/graphql`, '127.0.0.3', 80);
    const attempts = await Promise.all(guesses.map((password) => signIn(t, '127.0.0.3', 'huangli@jianyan.demo', password, '', agent)));
    agent.destroy();
    expect(count(attempts, 'signedIn')).toBe(0);
    expect(count(attempts, 'INVALID_CREDENTIALS')).toBeLessThanOrEqual(LIMIT);
    expect(count(attempts, 'TOO_MANY_ATTEMPTS')).toBe(80 - count(attempts, 'INVALID_CREDENTIALS'));
  });
});

describe('sign-in throttle: strangers against the administrator', () => {
  let t: TestApp;
  const ADDRESS_LIMIT = 8;
  const ACCOUNT_LIMIT = 12;
  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES: String(LIMIT),
      LOGIN_ADDRESS_MAX_FAILURES: String(ADDRESS_LIMIT),
      LOGIN_ACCOUNT_MAX_FAILURES: String(ACCOUNT_LIMIT),
      LOGIN_LOCK_MINUTES: '15',
    });
  });
  afterAll(() => t.close());

  it('locks the stranger out, never the administrator on her known device or elsewhere, and counts e-mail and mobile together', async () => {
    const own = await signIn(t, '127.0.0.1', ADMIN_EMAIL, DEMO_PASSWORD);
    expect(own.outcome).toBe('signedIn');
    const knownDevice = knownDeviceCookie(own);

    // one stranger: six guesses at the e-mail, six at the mobile number, in parallel
    const stranger = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(t, '127.0.0.2', i % 2 ? ADMIN_MOBILE : ADMIN_EMAIL, `stranger-guess-${i}`)),
    );
    // each identifier from one address is counted apart: the attempt that fills its bucket is refused
    expect(count(stranger, 'INVALID_CREDENTIALS')).toBeLessThanOrEqual(2 * (LIMIT - 1));
    expect(count(stranger, 'signedIn')).toBe(0);
    expect(count(stranger, 'TOO_MANY_ATTEMPTS')).toBe(12 - count(stranger, 'INVALID_CREDENTIALS'));
    // past the address ceiling the stranger is refused for every account, even with a right password
    const elsewhere = await signIn(t, '127.0.0.2', 'zhangjie@jianyan.demo', DEMO_PASSWORD);
    expect(elsewhere).toMatchObject({ outcome: 'TOO_MANY_ATTEMPTS', scope: 'address' });
    expect(elsewhere.retryAfterSeconds).toBeGreaterThan(3000);
    // a forged X-Forwarded-For is no way around it (TRUST_PROXY is off)
    const forged = await postFromAddress(`${t.url}/graphql`, '127.0.0.2', { query: LOGIN, variables: { i: { identifier: 'zhangjie@jianyan.demo', password: DEMO_PASSWORD } } }, { 'x-forwarded-for': '203.0.113.9' });
    expect(forged.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', scope: 'address' });

    // the administrator: from another address, and from her known device, even sharing the stranger's address
    expect((await signIn(t, '127.0.0.3', ADMIN_EMAIL, DEMO_PASSWORD)).outcome).toBe('signedIn');
    expect(knownDevice).toMatch(/^jy_device=/);
    expect((await signIn(t, '127.0.0.1', ADMIN_EMAIL, DEMO_PASSWORD, knownDevice)).outcome).toBe('signedIn');
    expect((await signIn(t, '127.0.0.2', ADMIN_MOBILE, DEMO_PASSWORD, knownDevice)).outcome).toBe('signedIn');
  });

  it('bounds the guesses of many stranger addresses together by the account limit; the known device still signs in', async () => {
    const own = await signIn(t, '127.0.0.1', ADMIN_EMAIL, DEMO_PASSWORD);
    const knownDevice = knownDeviceCookie(own);
    const guesses: Attempt[] = [];
    for (let host = 10; host < 16; host++) {
      for (let i = 0; i < LIMIT; i++) {
        guesses.push(await signIn(t, `127.0.1.${host}`, i % 2 ? ADMIN_MOBILE : ADMIN_EMAIL, `distributed-${host}-${i}`));
      }
    }
    expect(count(guesses, 'signedIn')).toBe(0);
    // the previous test's stranger already spent some of the account's budget
    expect(count(guesses, 'INVALID_CREDENTIALS')).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(guesses.at(-1)).toMatchObject({ outcome: 'TOO_MANY_ATTEMPTS', scope: 'account' });
    // a new address is now refused for this account only: the known device is not
    expect((await signIn(t, '127.0.1.20', ADMIN_EMAIL, DEMO_PASSWORD)).outcome).toBe('TOO_MANY_ATTEMPTS');
    expect((await signIn(t, '127.0.1.20', 'huangli@jianyan.demo', DEMO_PASSWORD)).outcome).toBe('signedIn');
    expect((await signIn(t, '127.0.1.21', ADMIN_MOBILE, DEMO_PASSWORD, knownDevice)).outcome).toBe('signedIn');
  });

  it('answers an unknown identifier exactly as an existing account: same codes, same lock, same wait', async () => {
    const sequence = async (from: string, identifier: string) => {
      const attempts: Attempt[] = [];
      for (let i = 0; i < LIMIT + 1; i++) attempts.push(await signIn(t, from, identifier, `guess-${i}`));
      return attempts.map((a) => [a.outcome, a.scope, a.retryAfterSeconds === undefined ? undefined : Math.round(a.retryAfterSeconds / 60)]);
    };
    const existing = await sequence('127.0.2.1', 'linxiaoyan@jianyan.demo');
    const unknown = await sequence('127.0.2.2', 'nobody-here@jianyan.demo');
    expect(unknown).toEqual(existing);
    expect(existing.map(([outcome]) => outcome)).toEqual([...Array(LIMIT - 1).fill('INVALID_CREDENTIALS'), 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
  });
});
