import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { connectCollab, eventually, type CollabClient } from '../../api/src/test-support/collab-client';
import { useBrowserSessions } from '../support/browser-session';

/**
 * Versions, comparison and the formal document, in the browser (../../../shared/context/DOMAIN.md):
 * 张洁 drafts a proposal with one suggestion, saves it as 初稿, rewrites the suggestion, saves
 * 第二稿, compares the two and sees the inserted and deleted characters marked; then she downloads
 * the Word document and opens the print view. Without the collaborative editor no body text is
 * recorded, so the comparison is of the versions' numbered suggestions (see versionText.ts).
 * A second case writes a body through a real collaboration client (as the editor will) and
 * restores an older version of it.
 * Screenshots: /tmp/versions-page.png, /tmp/versions-view.png, /tmp/versions-diff.png, /tmp/versions-print.png, /tmp/versions-print-media.png.
 */

const ZHANG = { email: 'zhangjie@jianyan.demo', name: '张洁' };
const TITLE = '关于加大政府购买服务力度、帮助边缘困境流动妇女的建议';
const TARGET = '晋安区人民政府';
const SUMMARY = '自2020年起，“三社联动”项目为流动妇女开展免费职业技能培训，参训2000余人次，58名失业妇女取得证书并实现就业。';
const SUGGESTION_TITLE = '加大流动妇女职业技能培训投入';
const TEXT_V1 = '将流动妇女职业技能培训纳入政府购买服务目录，每年安排专项资金。';
const TEXT_V2 = '将流动妇女职业技能培训和就业指导纳入政府购买服务目录，保障专项资金。';

describe('proposal versions, comparison, Word export and print view (browser)', () => {
  const collabClients: CollabClient[] = [];
  // registered before the sessions' afterAll, so the collaboration clients close before the product stops
  afterAll(() => collabClients.forEach((client) => client.close()));

  const sessions = useBrowserSessions({ contextOptions: { acceptDownloads: true } });
  const { server, pageErrors } = sessions;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await sessions.personAt(ZHANG.email));
  });

  /** GraphQL with the page's session cookie. */
  const graphql = <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => sessions.graphql<T>(page, query, variables);

  /** A draft by 张洁 with one suggestion; returns its id and the suggestion's. */
  async function draft(title: string, suggestionText: string): Promise<{ proposalId: string; suggestionId: string }> {
    const { organizations } = await graphql('{ organizations { id code } }');
    const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const { createProposal } = await graphql('mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title, year: 2026, districtId, target: TARGET, summary: SUMMARY },
    });
    const { addSuggestion } = await graphql('mutation($input: AddSuggestionInput!) { addSuggestion(input: $input) { id } }', {
      input: { proposalId: createProposal.id, title: SUGGESTION_TITLE, text: suggestionText },
    });
    return { proposalId: createProposal.id, suggestionId: addSuggestion.id };
  }

  async function bodyTextOf(proposalId: string): Promise<string | null> {
    const { proposal } = await graphql('query($id: ID!) { proposal(id: $id) { bodyText } }', { id: proposalId });
    return proposal.bodyText;
  }

  const versionItem = (name: string) => page.getByTestId('version-item').filter({ hasText: name });

  async function saveVersion(name: string, expectedCount: number): Promise<void> {
    await page.getByTestId('version-save').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('version-name-input').fill(name);
    await dialog.getByTestId('version-save-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await versionItem(name).waitFor();
    expect(await page.getByTestId('version-item').count()).toBe(expectedCount);
  }

  it('张洁 saves 初稿 and 第二稿, compares them, downloads the Word document and prints', async () => {
    // ---- a draft with one suggestion, made through the API as 张洁
    const { proposalId } = await draft(TITLE, TEXT_V1);

    await page.goto(`${server.url}/proposals/${proposalId}`);
    await page.getByTestId('proposal-title').filter({ hasText: TITLE }).waitFor();
    await page.getByTestId('suggestion-item').filter({ hasText: TEXT_V1 }).waitFor();

    // ---- a version needs a name
    await page.getByTestId('version-save').click();
    await page.getByRole('dialog').getByTestId('version-save-submit').click();
    await page.getByRole('dialog').getByText('请填写版本名称。').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // ---- 初稿
    await saveVersion('初稿', 1);
    const first = versionItem('初稿');
    expect(await first.getAttribute('data-number')).toBe('1');
    expect(await first.getAttribute('data-kind')).toBe('manual');
    expect(await first.textContent()).toContain('手动保存');
    expect(await first.textContent()).toContain(ZHANG.name);

    // ---- the suggestion is rewritten, then 第二稿
    await page.getByTestId('suggestion-item').getByRole('button', { name: '编辑第 1 条' }).click();
    await page.getByTestId('suggestion-text-input').fill(TEXT_V2);
    await page.getByTestId('suggestion-save').click();
    await page.getByTestId('suggestion-item').filter({ hasText: TEXT_V2 }).waitFor();
    await saveVersion('第二稿', 2);
    // Newest first.
    expect(await page.getByTestId('version-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')))).toEqual(['2', '1']);
    await page.getByTestId('proposal-notice').getByRole('button').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/versions-page.png', fullPage: true });

    // ---- viewing 初稿: read-only, with the text as it was
    await first.getByTestId('version-view').click();
    const view = page.getByRole('dialog');
    await view.getByText(TEXT_V1).first().waitFor();
    expect(await view.textContent()).toContain(SUGGESTION_TITLE);
    expect(await view.textContent()).toContain(SUMMARY);
    expect(await view.getByText(TEXT_V2).count()).toBe(0);
    expect(await view.locator('input, textarea, [contenteditable="true"]').count()).toBe(0);
    await view.screenshot({ path: '/tmp/versions-view.png' });
    await view.getByRole('button', { name: '关闭' }).click();
    await view.waitFor({ state: 'hidden' });

    // ---- comparing 初稿 with 第二稿
    await first.getByTestId('version-compare').click();
    const compare = page.getByRole('dialog');
    await compare.getByLabel('修改后').selectOption({ label: '第 2 版 · 第二稿' });
    expect(await compare.getByLabel('修改前').inputValue()).toBe('v1');
    const diff = compare.getByTestId('diff-view');
    await diff.waitFor();
    // the suggestion edited through the form went into the collaborative body, so the bodies are compared
    expect(await compare.textContent()).toContain('对比的是正文');
    const inserted = await diff.getByTestId('diff-insert').allTextContents();
    const deleted = await diff.getByTestId('diff-delete').allTextContents();
    expect(inserted).toEqual(['和就业指导', '保障']);
    expect(deleted).toEqual(['每年安排']);
    // Marked with <ins> / <del>, so that the meaning does not depend on colour alone.
    expect(await diff.getByTestId('diff-insert').evaluateAll((els) => els.map((e) => e.tagName))).toEqual(['INS', 'INS']);
    expect(await diff.getByTestId('diff-delete').evaluateAll((els) => els.map((e) => e.tagName))).toEqual(['DEL']);
    expect(await diff.textContent()).toContain(SUMMARY.slice(0, 10));
    expect(await compare.textContent()).toContain('新增 7 字，删除 4 字');
    await compare.screenshot({ path: '/tmp/versions-diff.png' });

    // The latest version and the current text are the same.
    await compare.getByLabel('修改前').selectOption({ label: '第 2 版 · 第二稿' });
    await compare.getByLabel('修改后').selectOption({ label: '当前内容（未保存为版本）' });
    await compare.getByText('两者内容相同，没有差异。').waitFor();
    await compare.getByRole('button', { name: '关闭' }).click();
    await compare.waitFor({ state: 'hidden' });

    // ---- restoring explains that it is a new change and history is kept (the restore itself: next test)
    await first.getByTestId('version-restore').click();
    const restore = page.getByRole('dialog');
    await restore.getByText('这是一次新的修改', { exact: false }).waitFor();
    expect((await restore.textContent()) ?? '').toContain('修改历史都会保留');
    expect(await restore.getByTestId('confirm-dialog-confirm').isDisabled()).toBe(false);
    await restore.getByRole('button', { name: '取消' }).click();
    await restore.waitFor({ state: 'hidden' });

    // ---- the Word document
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

    // ---- the print view: a formal document, without the app shell
    await page.getByRole('link', { name: '打印' }).click();
    await page.waitForURL(`**/proposals/${proposalId}/print`);
    const printView = page.getByTestId('print-view');
    await printView.waitFor();
    expect((await page.getByTestId('print-title').textContent())?.trim()).toBe(TITLE);
    expect(await page.getByTestId('nav-proposals').count()).toBe(0);
    const printed = (await printView.textContent()) ?? '';
    expect(printed).toContain(`${TARGET}：`);
    expect(printed).toContain(SUMMARY);
    expect(printed).toContain(`1.${SUGGESTION_TITLE}。${TEXT_V2}`);
    expect(printed).toContain(`建议人：${ZHANG.name}`);
    expect(printed).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const fonts = await page.getByTestId('print-title').evaluate((el) => {
      const style = getComputedStyle(el);
      return { family: style.fontFamily, align: style.textAlign };
    });
    expect(fonts.align).toBe('center');
    expect(fonts.family).toContain('SimSun');
    expect(await page.getByRole('button', { name: '打印' }).isEnabled()).toBe(true);
    await page.screenshot({ path: '/tmp/versions-print.png', fullPage: true });

    // On paper only the document is left.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.print-toolbar').isVisible()).toBe(false);
    expect(await printView.isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/versions-print-media.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    expect(pageErrors).toEqual([]);
  });
  it('with a written body: shows it, compares bodies, and restores an older version as a new one', async () => {
    const title = '关于推广校园社工站、将服务延伸到流动儿童家庭的建议';
    const { proposalId } = await draft(title, TEXT_V1);
    const cookie = (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const writer = connectCollab(server.url, proposalId, cookie);
    collabClients.push(writer);
    await writer.synced;
    // The server starts the document from the summary and the suggestions; the writer adds a closing paragraph.
    writer.appendParagraph('以上建议，请予研究采纳。');
    await writer.saved();
    await eventually(async () => expect(await bodyTextOf(proposalId)).toContain('请予研究采纳'), 15_000);

    await page.goto(`${server.url}/proposals/${proposalId}`);
    const bodySlot = page.getByTestId('proposal-body-slot');
    await bodySlot.getByText('以上建议，请予研究采纳。').waitFor();
    expect(await bodySlot.textContent()).toContain(TEXT_V1);
    await saveVersion('有正文的初稿', 1);

    writer.appendParagraph('附：晋安区鼓山镇茶会社区服务记录。');
    await writer.saved();
    await eventually(async () => expect(await bodyTextOf(proposalId)).toContain('茶会社区服务记录'), 15_000);

    // Compared with the current body: the new paragraph is an insertion.
    await page.reload();
    await page.getByTestId('proposal-body-slot').getByText('附：晋安区鼓山镇茶会社区服务记录。').waitFor();
    await versionItem('有正文的初稿').getByTestId('version-compare').click();
    const compare = page.getByRole('dialog');
    await compare.getByTestId('diff-view').waitFor();
    expect(await compare.textContent()).toContain('对比的是正文');
    expect(await compare.getByTestId('diff-insert').allTextContents()).toEqual(['附：晋安区鼓山镇茶会社区服务记录。']);
    expect(await compare.getByTestId('diff-delete').count()).toBe(0);
    await compare.getByRole('button', { name: '关闭' }).click();
    await compare.waitFor({ state: 'hidden' });

    // Restoring 第 1 版: a new change that the connected writer receives, recorded as 第 2 版.
    await versionItem('有正文的初稿').getByTestId('version-restore').click();
    const restore = page.getByRole('dialog');
    const confirm = restore.getByTestId('confirm-dialog-confirm');
    await restore.getByText('这是一次新的修改', { exact: false }).waitFor();
    await eventually(async () => expect(await confirm.isEnabled()).toBe(true));
    await confirm.click();
    await restore.waitFor({ state: 'hidden' });
    await page.getByTestId('proposal-notice').filter({ hasText: '已恢复第 1 版的正文，并保存为第 2 版' }).waitFor();
    const restored = page.locator('[data-testid="version-item"][data-number="2"]');
    await restored.waitFor();
    expect(await restored.getAttribute('data-kind')).toBe('restored');
    expect(await restored.textContent()).toContain('由第 1 版恢复');
    expect(await restored.textContent()).toContain('恢复生成');
    await eventually(() => expect(writer.text()).not.toContain('茶会社区服务记录'), 15_000);
    expect(writer.text()).toContain('请予研究采纳');
    await eventually(async () => expect(await bodyTextOf(proposalId)).not.toContain('茶会社区服务记录'), 15_000);
    await page.getByTestId('proposal-body-slot').getByText('附：晋安区鼓山镇茶会社区服务记录。').waitFor({ state: 'detached' });
    await page.getByTestId('proposal-body-slot').screenshot({ path: '/tmp/versions-body.png' });

    // The print view lays the body out with the suggestion numbered and titled, as the Word export does.
    await page.goto(`${server.url}/proposals/${proposalId}/print`);
    const printed = page.getByTestId('print-view');
    await printed.waitFor();
    expect(await printed.textContent()).toContain(`1.${SUGGESTION_TITLE}。${TEXT_V1}`);
    expect(await printed.textContent()).toContain('以上建议，请予研究采纳。');
    await page.screenshot({ path: '/tmp/versions-print-body.png', fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
