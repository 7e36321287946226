import { createInstance } from 'i18next';
import { toAppError } from '../graphql/errors';
import { en } from './en';
import { errorMessage } from './errorMessages';
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

  it('rounds a sign-in lock up to whole minutes', async () => {
    const error = toAppError({ graphQLErrors: [{ message: 'locked', extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 61 } }] });
    expect(errorMessage(await translator('en'), error)).toContain('Try again in 2 min');
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
