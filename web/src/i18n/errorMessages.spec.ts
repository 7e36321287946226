import { createInstance } from 'i18next';
import { toAppError } from '../graphql/errors';
import { en } from './en';
import { errorMessage, sessionEndedMessage } from './errorMessages';
import { zhCN } from './zh-CN';

async function translator(lng: 'zh-CN' | 'en') {
  const i18n = createInstance();
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** The body the API answers with HTTP 429, as Apollo Client hands it to the app. */
const rateLimited = (retryAfterSeconds: number) => ({
  networkError: Object.assign(new Error('Response not successful: Received status code 429'), {
    statusCode: 429,
    result: { errors: [{ message: 'Too many requests', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds } }] },
  }),
});

describe('error messages', () => {
  it('reads a 429 rate-limit answer as TOO_MANY_REQUESTS with its wait, in Chinese and English', async () => {
    const error = toAppError(rateLimited(42));
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 42 });
    expect(errorMessage(await translator('zh-CN'), error)).toBe('操作过于频繁，请 42 秒后再试。');
    expect(errorMessage(await translator('en'), error)).toBe('Too many requests in a short time. Try again in 42 s.');
  });

  it('says which service is unavailable, in Chinese and English', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    const search = toAppError({ graphQLErrors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'search' } }] });
    expect(search).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'search' });
    expect(errorMessage(zh, search)).toContain('检索服务暂时不可用');
    expect(errorMessage(en, search)).toContain('Search is unavailable for the moment');
    // the session lookup failing answers HTTP 503 with a GraphQL body
    const database = toAppError({
      networkError: Object.assign(new Error('Response not successful: Received status code 503'), {
        statusCode: 503,
        result: { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'database' } }] },
      }),
    });
    expect(errorMessage(zh, database)).toBe('数据库暂时无法连接，您的操作未能保存。请稍后重试。');
    expect(errorMessage(en, database)).toBe('The database cannot be reached right now, so this was not saved. Please try again shortly.');
    const unnamed = toAppError({ graphQLErrors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE', service: 'mail' } }] });
    expect(errorMessage(en, unnamed)).toBe('The service is unavailable for the moment. Please try again shortly.');
  });

  it('rounds a sign-in lock up to whole minutes', async () => {
    const error = toAppError({ graphQLErrors: [{ message: 'locked', extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 61 } }] });
    expect(errorMessage(await translator('en'), error)).toContain('Try again in 2 min');
  });

  const throttled = (scope: string, retryAfterSeconds: number) =>
    toAppError({ graphQLErrors: [{ message: 'locked', extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds, scope } }] });

  it('says whether the address or the account is locked, with the wait, in Chinese and English', async () => {
    const zh = await translator('zh-CN');
    const en = await translator('en');
    expect(throttled('address', 900)).toMatchObject({ scope: 'address', retryAfterSeconds: 900 });
    expect(errorMessage(zh, throttled('address', 900))).toBe('当前网络地址登录失败次数过多，已暂时限制登录。请在 15 分钟后再试，或在您以前登录过的设备上登录。');
    expect(errorMessage(en, throttled('address', 900))).toBe(
      'Too many failed sign-in attempts from your network address: sign-in from here is paused. Try again in 15 min, or sign in on a device you used before.',
    );
    expect(errorMessage(zh, throttled('account', 600))).toContain('该账号登录失败次数过多，已暂时锁定。请在 10 分钟后再试');
    expect(errorMessage(en, throttled('account', 600))).toContain('for this account: it is locked for now. Try again in 10 min');
    // a grown lock reads in hours
    expect(errorMessage(zh, throttled('address', 4 * 3600))).toContain('请在 4 小时后再试');
    expect(errorMessage(en, throttled('address', 4 * 3600))).toContain('Try again in 4 h');
  });

  it('explains a session that ended for inactivity, with the idle timeout', async () => {
    const idle = toAppError({
      graphQLErrors: [{ message: 'idle', extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE', idleTimeoutSeconds: 8 * 3600 } }],
    });
    expect(idle).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE', idleTimeoutSeconds: 28800 });
    expect(sessionEndedMessage(await translator('zh-CN'), idle)).toBe('您已超过 8 小时未操作，为保护账号已自动退出，请重新登录。');
    expect(sessionEndedMessage(await translator('en'), idle)).toBe(
      'You were signed out after 8 h without activity, to protect your account. Please sign in again.',
    );
    expect(errorMessage(await translator('en'), idle)).toContain('after 8 h without activity');
    const plain = toAppError({ graphQLErrors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(sessionEndedMessage(await translator('en'), plain)).toBe('Your session has ended. Please sign in again.');
  });
});

describe('control characters in a title or a name', () => {
  it('explains the refusal in Chinese and English', async () => {
    const error = toAppError({ graphQLErrors: [{ message: 'title: must not…', extensions: { code: 'BAD_USER_INPUT', field: 'title', reason: 'CONTROL_CHARACTERS' } }] });
    expect(errorMessage(await translator('zh-CN'), error)).toContain('文字方向符');
    expect(errorMessage(await translator('en'), error)).toContain('text-direction marks');
  });

  it('words a district outside the filing scope as such, in Chinese and English', async () => {
    const error = toAppError({
      graphQLErrors: [{ message: 'districtId: outside', extensions: { code: 'FORBIDDEN', field: 'districtId', reason: 'OUTSIDE_FILING_SCOPE' } }],
    });
    expect(errorMessage(await translator('zh-CN'), error)).toBe('只能在本单位或其下属区县名下提交，请从列出的区县中选择。');
    expect(errorMessage(await translator('en'), error)).toBe(
      'You can file only under your own organisation or the districts below it. Choose one of the districts offered.',
    );
  });
});
