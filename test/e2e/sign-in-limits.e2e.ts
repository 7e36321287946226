import type { Browser, Page } from 'playwright-core';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchBrowser } from '../support/browser';
import { signIn } from '../support/login';
import { RunningServer, startServer } from '../support/server';

/** The sign-in page explains each refusal of the built product: idle session, locked account, slowed address. */
describe('sign-in refusals in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ LOGIN_MAX_FAILURES: '3', LOGIN_ADDRESS_MAX_FAILURES: '4', LOGIN_LOCK_MINUTES: '15', SESSION_IDLE_TIMEOUT: '3s' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function tryPassword(page: Page, identifier: string, password: string): Promise<string> {
    await page.getByTestId('login-identifier').fill(identifier);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-submit').filter({ hasText: '登录' }).waitFor();
    return (await page.getByTestId('login-error').textContent()) ?? '';
  }

  it('says the session ended after the idle timeout when the page comes back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, 'zhangjie@jianyan.demo');
    await sleep(4_000);
    await page.reload();
    await page.waitForURL(/\/login/);
    await expect(page.getByRole('status').textContent()).resolves.toBe('您已超过 1 分钟未操作，为保护账号已自动退出，请重新登录。');
    await context.close();
  });

  it('shows the account lock, then the address ceiling (an hour), with the wait, in Chinese and English', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    expect(await tryPassword(page, 'admin@jianyan.demo', 'wrong-1')).toMatch(/密码不正确/);
    expect(await tryPassword(page, 'admin@jianyan.demo', 'wrong-2')).toMatch(/密码不正确/);
    expect(await tryPassword(page, 'admin@jianyan.demo', 'wrong-3')).toMatch(/该账号登录失败次数过多，已暂时锁定。请在 1[45] 分钟后再试/);
    expect(await tryPassword(page, 'huangli@jianyan.demo', 'wrong-4')).toMatch(/当前网络地址登录失败次数过多，已暂时限制登录。请在 (59|60) 分钟后再试/);
    await page.getByTestId('language-switch').click();
    await page.getByTestId('login-error').filter({ hasText: 'from your network address' }).waitFor();
    expect(await page.getByTestId('login-error').textContent()).toMatch(/sign-in from here is paused\. Try again in (59|60) min/);
    await context.close();
  });

  it('warns once that sign-ins come from a loopback address while TRUST_PROXY is off (a proxy on this host?)', () => {
    // every sign-in above came from 127.0.0.1, as through a reverse proxy on the same host
    const warnings = server.output().split('\n').filter((line) => line.includes('behind a proxy? set TRUST_PROXY'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0])).toMatchObject({ level: 'warn', context: 'LoginThrottleService' });
  });
});
