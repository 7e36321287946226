import type { Page } from 'playwright-core';
import { useBrowserSessions } from '../support/browser-session';

/**
 * The story's first steps in the browser (../../../shared/context/DOMAIN.md): an executive member
 * drafts a proposal, invites a colleague as co-author, sends it for review and submits it; the
 * colleague then finds it in her list and reads its timeline.
 */

const ZHANG = { email: 'zhangjie@jianyan.demo', name: '张洁' };
const LIN = { email: 'linxiaoyan@jianyan.demo', name: '林晓燕' };

const TITLE = '关于推广校园社工站、将服务延伸到流动儿童家庭的建议';
const SUGGESTIONS = [
  {
    title: '在流动儿童集中的学校推广设立校园社工站',
    text: '总结2013年3月设立福建省首个校园社工站的经验，在流动儿童集中的学校推广，缓解教师班级管理压力、降低学生流失率。',
  },
  {
    title: '通过政府购买服务保障校园社工站运营经费',
    text: '将校园社工服务纳入政府购买服务目录，保障社工站稳定运营，并把服务延伸至流动儿童家庭。',
  },
];

const byTestId = (page: Page, testId: string, text?: string) =>
  text === undefined ? page.getByTestId(testId) : page.getByTestId(testId).filter({ hasText: text });

describe('proposals: drafting together and submitting (browser)', () => {
  const { server, as: signIn } = useBrowserSessions();

  /** Clicks a workflow button and confirms; resolves once the status badge shows `statusLabel`. */
  async function transition(page: Page, to: string, statusLabel: string, note?: string): Promise<void> {
    await page.getByTestId(`transition-${to}`).click();
    const dialog = page.getByRole('dialog');
    if (note) await dialog.getByLabel('备注').fill(note);
    await dialog.getByTestId('confirm-dialog-confirm').click();
    await byTestId(page, 'proposal-status', statusLabel).waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('张洁 drafts a proposal with 林晓燕, submits it, and 林晓燕 sees each step on its timeline', async () => {
    // ---- 张洁: create the proposal
    const zhang = await signIn(ZHANG.email);
    await zhang.getByTestId('nav-proposals').click();
    await zhang.getByTestId('proposal-list').waitFor();
    await zhang.getByTestId('proposal-new').click();

    await zhang.getByTestId('proposal-title-input').fill(TITLE);
    await zhang.getByTestId('proposal-year-input').fill('2026');
    await zhang.getByTestId('proposal-district-select').selectOption({ label: '晋安区妇联' });
    await zhang.getByLabel('报送对象').fill('晋安区人民政府');
    await zhang.getByLabel('儿童与教育').check();
    await zhang.getByTestId('proposal-create-submit').click();

    await byTestId(zhang, 'proposal-title', TITLE).waitFor();
    expect(zhang.url()).toMatch(/\/proposals\/[^/]+$/);
    expect(await zhang.getByTestId('proposal-status').textContent()).toBe('起草中');
    await zhang.getByTestId('proposal-body-slot').getByRole('heading', { name: '正文' }).waitFor();

    // ---- two suggestions
    for (const [index, suggestion] of SUGGESTIONS.entries()) {
      await zhang.getByTestId('suggestion-add').click();
      await zhang.getByTestId('suggestion-title-input').fill(suggestion.title);
      await zhang.getByTestId('suggestion-text-input').fill(suggestion.text);
      await zhang.getByTestId('suggestion-save').click();
      await byTestId(zhang, 'suggestion-item', suggestion.title).waitFor();
      expect(await zhang.getByTestId('suggestion-item').count()).toBe(index + 1);
    }
    const numbered = await zhang.getByTestId('suggestion-item').locator('h3').allTextContents();
    expect(numbered.map((text) => text.trim())).toEqual(SUGGESTIONS.map((s, i) => `${i + 1}. ${s.title}`));

    // ---- 林晓燕 as co-author
    await zhang.getByTestId('member-add').click();
    await zhang.getByTestId('member-search').fill(LIN.name);
    await byTestId(zhang, 'member-option', LIN.name).click();
    await zhang.getByTestId('member-role-select').selectOption('coauthor');
    await zhang.getByTestId('member-add-submit').click();
    await zhang.locator('[data-testid="member-item"][data-role="coauthor"]', { hasText: LIN.name }).waitFor();
    expect(await zhang.getByTestId('member-item').count()).toBe(2);

    // ---- to review, then submitted
    await transition(zhang, 'in_review', '审阅中', '初稿完成，请林晓燕修改');
    expect(await zhang.locator('[data-testid^="transition-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'transition-draft',
      'transition-submitted',
    ]);
    await transition(zhang, 'submitted', '已提交');
    // Once submitted the text is locked: no more editing, one frozen version.
    expect(await zhang.getByTestId('suggestion-add').count()).toBe(0);
    expect(await zhang.getByTestId('proposal-edit').count()).toBe(0);
    await zhang.getByText('第 1 版').waitFor();
    await byTestId(zhang, 'suggestion-item', '已提交').first().waitFor();

    await zhang.getByTestId('proposal-notice').getByRole('button').click();
    await zhang.getByTestId('proposal-notice').waitFor({ state: 'detached' });
    await zhang.evaluate(() => window.scrollTo(0, 0));
    await zhang.screenshot({ path: '/tmp/proposal-page.png', fullPage: true });

    // ---- 林晓燕, in her own browser profile, finds it in her list and opens it
    const lin = await signIn(LIN.email);
    await lin.getByTestId('nav-proposals').click();
    const row = byTestId(lin, 'proposal-row', TITLE);
    await row.waitFor();
    expect(await row.textContent()).toContain('已提交');
    await row.getByRole('link', { name: TITLE }).click();

    await byTestId(lin, 'proposal-title', TITLE).waitFor();
    expect(await lin.getByTestId('proposal-status').textContent()).toBe('已提交');
    expect(await lin.getByTestId('suggestion-item').count()).toBe(2);
    await lin.locator('[data-testid="member-item"][data-role="owner"]', { hasText: ZHANG.name }).waitFor();
    await lin.locator('[data-testid="member-item"][data-role="coauthor"]', { hasText: LIN.name }).waitFor();
    // A co-author has no workflow step left once it is submitted.
    expect(await lin.locator('[data-testid^="transition-"]').count()).toBe(0);

    // ---- the timeline: each step of the proposal, oldest first, by 张洁
    const timeline = lin.getByTestId('timeline');
    await timeline.waitFor();
    const proposalSteps = timeline.locator('[data-testid="timeline-item"][data-entity="proposal"]');
    expect(await proposalSteps.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual([
      'draft',
      'in_review',
      'submitted',
    ]);
    const texts = (await proposalSteps.allTextContents()).map((text) => text.replace(/\s+/g, ' '));
    expect(texts[0]).toContain('创建，状态为“起草中”');
    expect(texts[1]).toContain('“起草中” → “审阅中”');
    expect(texts[1]).toContain('备注：初稿完成，请林晓燕修改');
    expect(texts[2]).toContain('“审阅中” → “已提交”');
    for (const text of texts) expect(text).toContain(ZHANG.name);

    // Each suggestion's steps are there too: drafted when added, submitted with the proposal.
    const suggestionSteps = timeline.locator('[data-testid="timeline-item"][data-entity="suggestion"]');
    expect((await suggestionSteps.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).sort()).toEqual([
      'drafted',
      'drafted',
      'submitted',
      'submitted',
    ]);
  });
  it('tells the editor when someone else saved the proposal in between, and shows the newer version', async () => {
    const first = await signIn(ZHANG.email);
    await first.goto(`${server.url}/proposals/new`);
    await first.getByTestId('proposal-title-input').fill('关于完善流动妇女就业服务的建议');
    await first.getByTestId('proposal-district-select').selectOption({ label: '晋安区妇联' });
    await first.getByTestId('proposal-create-submit').click();
    await byTestId(first, 'proposal-title', '关于完善流动妇女就业服务的建议').waitFor();

    // The same proposal open in a second tab, where the title is changed and saved first.
    const second = await first.context().newPage();
    await second.goto(first.url());
    await first.getByTestId('proposal-edit').click();
    await second.getByTestId('proposal-edit').click();
    await second.getByTestId('proposal-title-input').fill('关于完善流动妇女就业和技能培训服务的建议');
    await second.getByTestId('proposal-save').click();
    await byTestId(second, 'proposal-title', '关于完善流动妇女就业和技能培训服务的建议').waitFor();

    // The first tab still edits the older version: saving is refused, explained, and the page reloads.
    await first.getByTestId('proposal-title-input').fill('关于完善流动妇女就业服务的建议（修改稿）');
    await first.getByTestId('proposal-save').click();
    await first.locator('[data-testid="proposal-notice"][data-kind="warning"]', { hasText: '其他人修改了这条建议' }).waitFor();
    await byTestId(first, 'proposal-title', '关于完善流动妇女就业和技能培训服务的建议').waitFor();
    expect(await first.getByTestId('proposal-title-input').count()).toBe(0);
  });

  it('offers in the district pickers only the districts one may file under', async () => {
    /** The districts a picker offers (its labels, without the empty choice), once they are loaded. */
    async function offered(page: Page, testId: string): Promise<string[]> {
      const select = page.getByTestId(testId);
      await select.locator('option', { hasText: '晋安区妇联' }).waitFor({ state: 'attached' });
      return select.locator('option').evaluateAll((options) => options.filter((o) => (o as HTMLOptionElement).value).map((o) => o.textContent ?? ''));
    }
    const zhang = await signIn(ZHANG.email);
    await zhang.goto(`${server.url}/proposals/new`);
    expect(await offered(zhang, 'proposal-district-select')).toEqual(['晋安区妇联']);
    await zhang.goto(`${server.url}/evidence/new`);
    expect(await offered(zhang, 'evidence-district-select')).toEqual(['晋安区妇联']);

    const admin = await signIn('admin@jianyan.demo');
    await admin.goto(`${server.url}/proposals/new`);
    expect((await offered(admin, 'proposal-district-select')).sort()).toEqual(['仓山区妇联', '晋安区妇联']);
    await admin.getByTestId('proposal-title-input').fill('关于仓山区流动妇女就业服务的建议');
    await admin.getByTestId('proposal-district-select').selectOption({ label: '仓山区妇联' });
    await admin.getByTestId('proposal-create-submit').click();
    await byTestId(admin, 'proposal-title', '关于仓山区流动妇女就业服务的建议').waitFor();
    await admin.getByTestId('proposal-edit').click();
    expect((await offered(admin, 'proposal-district-select')).sort()).toEqual(['仓山区妇联', '晋安区妇联']);

    // 张洁, co-author of the Cangshan proposal, may keep its district while editing, but not pick it for another
    await admin.goto(admin.url());
    await admin.getByTestId('member-add').click();
    await admin.getByTestId('member-search').fill(ZHANG.name);
    await admin.getByTestId('member-option').filter({ hasText: ZHANG.name }).click();
    await admin.getByTestId('member-role-select').selectOption('coauthor');
    await admin.getByTestId('member-add-submit').click();
    await admin.locator('[data-testid="member-item"][data-role="coauthor"]', { hasText: ZHANG.name }).waitFor();
    await zhang.goto(admin.url());
    await zhang.getByTestId('proposal-edit').click();
    // the picker fills in once the districts she may choose have loaded
    await zhang.waitForFunction(() => (document.querySelector('[data-testid="proposal-district-select"]') as HTMLSelectElement | null)?.value);
    expect((await offered(zhang, 'proposal-district-select')).sort()).toEqual(['仓山区妇联', '晋安区妇联']);
    await zhang.getByTestId('proposal-title-input').fill('关于仓山区流动妇女就业服务的建议（修改稿）');
    await zhang.getByTestId('proposal-save').click();
    await byTestId(zhang, 'proposal-title', '关于仓山区流动妇女就业服务的建议（修改稿）').waitFor();
  });
});
