import { DEMO_PASSWORD } from '../../seed/demo-data';
import { openConnections } from '../../test-support/http-from-address';
import { SignInAttemptResult, countOutcomes as count, knownDeviceCookie, signInFrom as signIn } from '../../test-support/sign-in-attempts';
import { TestApp, startTestApp } from '../../test-support/test-app';

/**
 * Many people behind one address (a proxy on this host with TRUST_PROXY off, an office behind NAT):
 * one stranger among them must not lock the others out, and guesses from one address must not
 * tell which e-mail and mobile number belong to one person. Real sockets from 127.x addresses.
 */
const LIMIT = 5;

describe('sign-in from an address shared by many people (default address ceiling)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // a 1 ms slow-down doubling per failure from the address keeps the test short (it is bounded by 10 s)
    t = await startTestApp({ LOGIN_MAX_FAILURES: String(LIMIT), LOGIN_SLOWDOWN_MS: '1', LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  it('slows a stranger with 40 wrong guesses down but lets the colleagues at the same address sign in', async () => {
    const office = '127.0.3.1';
    const chen = await signIn(t, office, 'chenfang@jianyan.demo', DEMO_PASSWORD);
    expect(chen.outcome).toBe('signedIn');
    const chenDevice = knownDeviceCookie(chen);
    const targets = ['admin@jianyan.demo', 'zhangjie@jianyan.demo', 'chenfang@jianyan.demo', ...Array.from({ length: 5 }, (_, i) => `guess-${i}@example.org`)];
    const agent = await openConnections(`${t.url}/graphql`, office, 40);
    const stranger = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(t, office, targets[i % targets.length], `stranger-${i}`, '', agent)));
    agent.destroy();
    expect(count(stranger, 'signedIn')).toBe(0);
    // refused only for the identifiers guessed too often from here, never for the address as a whole
    expect(stranger.filter((a) => a.outcome === 'TOO_MANY_ATTEMPTS').every((a) => a.scope === 'account')).toBe(true);
    expect(count(stranger, 'INVALID_CREDENTIALS')).toBe(targets.length * (LIMIT - 1));

    // colleagues without a device cookie sign in from the same address
    expect((await signIn(t, office, 'linxiaoyan@jianyan.demo', DEMO_PASSWORD)).outcome).toBe('signedIn');
    expect((await signIn(t, office, '13800000006', DEMO_PASSWORD)).outcome).toBe('signedIn');
    // one whose identifier was guessed too often here: refused for it from here, never on her known device
    expect(await signIn(t, office, 'chenfang@jianyan.demo', DEMO_PASSWORD)).toMatchObject({ outcome: 'TOO_MANY_ATTEMPTS', scope: 'account' });
    expect((await signIn(t, office, 'chenfang@jianyan.demo', DEMO_PASSWORD, chenDevice)).outcome).toBe('signedIn');
  });
});

describe('sign-in: the address ceiling', () => {
  let t: TestApp;
  const CEILING = 30;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: String(LIMIT), LOGIN_ADDRESS_MAX_FAILURES: String(CEILING), LOGIN_SLOWDOWN_MS: '0' });
  });
  afterAll(() => t.close());

  it('refuses the address for an hour past the configured ceiling of failures, even for a right password', async () => {
    const from = '127.0.4.1';
    const agent = await openConnections(`${t.url}/graphql`, from, 40);
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(t, from, `nobody-${i}@example.org`, 'wrong-password', '', agent)));
    agent.destroy();
    // the attempt that reaches the ceiling is refused too: at most CEILING - 1 passwords checked
    expect(count(guesses, 'INVALID_CREDENTIALS')).toBe(CEILING - 1);
    expect(guesses.filter((a) => a.outcome === 'TOO_MANY_ATTEMPTS').every((a) => a.scope === 'address')).toBe(true);
    const colleague = await signIn(t, from, 'zhangjie@jianyan.demo', DEMO_PASSWORD);
    expect(colleague).toMatchObject({ outcome: 'TOO_MANY_ATTEMPTS', scope: 'address' });
    expect(colleague.retryAfterSeconds).toBeGreaterThan(3000);
    expect(colleague.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect((await signIn(t, '127.0.4.2', 'zhangjie@jianyan.demo', DEMO_PASSWORD)).outcome).toBe('signedIn');
  });
});

describe('sign-in does not tell whether an e-mail and a mobile number belong to one person', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: String(LIMIT), LOGIN_LOCK_MINUTES: '15' });
  });
  afterAll(() => t.close());

  const answers = (attempts: SignInAttemptResult[]) =>
    attempts.map((a) => [a.outcome, a.scope, a.retryAfterSeconds === undefined ? undefined : Math.round(a.retryAfterSeconds / 60)]);

  /** From its own address: LIMIT - 1 wrong guesses at the e-mail, one at the mobile number, two more at the e-mail. */
  async function probe(from: string, email: string, mobile: string) {
    const attempts: SignInAttemptResult[] = [];
    for (let i = 0; i < LIMIT - 1; i++) attempts.push(await signIn(t, from, email, `probe-${i}`));
    attempts.push(await signIn(t, from, mobile, 'probe-mobile'));
    for (let i = 0; i < 2; i++) attempts.push(await signIn(t, from, email, `probe-again-${i}`));
    return answers(attempts);
  }

  it('answers alike when the number is hers, someone else’s, or nobody’s', async () => {
    const hers = await probe('127.0.5.1', 'admin@jianyan.demo', '13800000001');
    const someoneElses = await probe('127.0.5.2', 'zhangjie@jianyan.demo', '13800000003');
    const nobodys = await probe('127.0.5.3', 'huangli@jianyan.demo', '13999999999');
    const unknownEmail = await probe('127.0.5.4', 'nobody-at-all@jianyan.demo', '13800000004');
    expect(hers).toEqual(someoneElses);
    expect(hers).toEqual(nobodys);
    expect(hers).toEqual(unknownEmail);
    expect(hers.map(([outcome]) => outcome)).toEqual([
      ...Array(LIMIT - 1).fill('INVALID_CREDENTIALS'),
      'INVALID_CREDENTIALS',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
    ]);
  });
});
