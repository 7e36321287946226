import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { signIn } from '../support/login';
import { RunningServer, startServer } from '../support/server';

/**
 * The built web app under the production Content-Security-Policy (no inline script, connections
 * only to our origin and its WebSocket): signing in, the proposal list and the collaborative editor
 * (tiptap's injected styles, the Yjs WebSocket, typing with two authors' carets) work, and Chromium
 * reports no policy violation.
 */
describe('web app under the Content-Security-Policy (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startServer({ NODE_ENV: 'production', SESSION_SECRET: 'e2e-secret-that-is-long-enough-0123456789', COOKIE_SECURE: 'false' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function watchedPage(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __cspViolations: string[] }).__cspViolations ??= [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`${email}: ${message.text()}`);
    });
    page.on('pageerror', (error) => violations.push(`${email}: page error ${error.message}`));
    await signIn(page, server.url, email);
    return page;
  }

  const pageViolations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

  it('serves the app with the policy and runs sign-in, lists and the collaborative editor without a violation', async () => {
    const response = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`connect-src 'self' ws://${new URL(server.url).host}`);
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const zhang = await watchedPage('zhangjie@jianyan.demo');
    const graphql = async (query: string, variables?: Record<string, unknown>) =>
      ((await (await zhang.request.post(`${server.url}/graphql`, { data: { query, variables } })).json()) as { data: any }).data;
    const { organizations } = await graphql('{ organizations { id code } }');
    const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const { createProposal } = await graphql('mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于内容安全策略的测试建议', year: 2026, districtId },
    });
    const { people } = await graphql('{ people(search: "林晓燕") { id } }');
    await graphql('mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
      input: { proposalId: createProposal.id, userId: people[0].id, role: 'coauthor' },
    });
    await zhang.goto(`${server.url}/proposals`);
    await zhang.getByText('关于内容安全策略的测试建议').first().waitFor();

    // two authors in the editor: the other's caret is drawn with an inline style attribute
    const lin = await watchedPage('linxiaoyan@jianyan.demo');
    const editable = '[data-testid=proposal-editor] .ProseMirror';
    for (const page of [zhang, lin]) {
      await page.goto(`${server.url}/proposals/${createProposal.id}/edit`);
      await page.locator(editable).waitFor();
      await page.locator('[data-testid=connection-status][data-state=saved]').waitFor({ timeout: 20_000 });
    }
    await zhang.locator(editable).click();
    await zhang.keyboard.type('Policy check');
    await lin.locator(editable, { hasText: 'Policy check' }).waitFor({ timeout: 20_000 });
    await lin.locator(editable).click();
    await lin.keyboard.type(' 晋安区');
    await zhang.locator(editable, { hasText: '晋安区' }).waitFor({ timeout: 20_000 });

    expect(await pageViolations(zhang)).toEqual([]);
    expect(await pageViolations(lin)).toEqual([]);
    expect(violations).toEqual([]);

    // and the policy bites: an injected inline script does not run, and the violation is reported
    const ran = await zhang.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await zhang.waitForFunction(() => ((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).length > 0);
    expect((await pageViolations(zhang)).join(' ')).toMatch(/script-src/);
  });
});
