import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { signIn } from '../support/login';
import { RunningServer, startServer } from '../support/server';

describe('the app shell in a browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs the demo member in, shows her name, switches to English and back, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    await signIn(page, server.url, 'zhangjie@jianyan.demo');

    await expect(page.getByTestId('current-user-name').textContent()).resolves.toContain('张洁');
    await expect(page.getByTestId('home-greeting').textContent()).resolves.toContain('张洁');
    expect(await page.getByTestId('nav-home').textContent()).toBe('首页');
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('nav-home').filter({ hasText: 'Home' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.getByTestId('home-greeting').textContent()).resolves.toMatch(/Hello, 张洁/);

    await page.reload();
    await page.getByTestId('nav-home').filter({ hasText: 'Home' }).waitFor();

    await page.getByTestId('language-switch').click();
    await page.getByTestId('nav-home').filter({ hasText: '首页' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    expect(await context.cookies()).not.toContainEqual(expect.objectContaining({ name: 'jy_session' }));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a localized error for a wrong password and lets an administrator reach user management', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-identifier').fill('admin@jianyan.demo');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toMatch(/密码/);

    await signIn(page, server.url, 'admin@jianyan.demo');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('users-table').textContent()).toContain('张洁');
    await context.close();
  });
});
