import type { Page } from 'playwright-core';
import { useBrowserSessions } from '../support/browser-session';

/**
 * The story of ../../../shared/context/DOMAIN.md, end to end, in the browser:
 *   1. 张洁 drafts the proposal and invites 林晓燕; both write its text at the same time in the
 *      editor (two browser profiles), 林晓燕 turning her paragraph into a numbered suggestion;
 *   2. 张洁 links the "三社联动" training evidence to that suggestion;
 *   3. she sends it for review and submits it to the district;
 *   4. 王敏 (admin) imports the district's program by pasting its text; the match review proposes
 *      the clause on purchasing services for migrant women for the suggestion, and she confirms it
 *      as adopted in June 2022;
 *   5. 黄丽 (leader) opens the dashboard and sees the adoption with its evidence chain, each step a link.
 * The demo data holds the same story already, so this one uses its own titles and program name.
 * Screenshot: /tmp/story-dashboard.png.
 */

const ZHANG = { email: 'zhangjie@jianyan.demo', name: '张洁' };
const LIN = { email: 'linxiaoyan@jianyan.demo', name: '林晓燕' };
const ADMIN = 'admin@jianyan.demo';
const HUANG = 'huangli@jianyan.demo';
const WAIT = 20_000;

const TITLE = '关于加大政府购买服务力度、帮助边缘困境流动妇女的建议（重演）';
const BACKGROUND = '城中村流动妇女文化程度低、从事非正规就业，家庭和子女教育都面临困难。';
const SUGGESTION = '加大政府购买服务力度，支持社会组织为边缘困境流动妇女提供社会工作和就业帮扶服务';
const TRAINING_TITLE_START = '“三社联动”项目免费职业技能培训';
const PROGRAM_NAME = '晋安区妇女发展纲要（2021—2030年）重演稿';
const CLAUSE = '加大政府购买服务力度，支持社会组织为边缘困境流动妇女提供社会工作、就业帮扶和心理支持服务，逐年增加购买服务资金投入。';
const PROGRAM_TEXT = [
  PROGRAM_NAME,
  '一、妇女与社会保障',
  '（一）主要目标',
  '1.妇女享有基本养老保险和医疗保险的水平稳步提高。',
  '（二）策略措施',
  `1.${CLAUSE}`,
  '2.完善流动妇女随迁子女入学保障。',
].join('\n');

const EDITABLE = '[data-testid=proposal-editor] .ProseMirror';

describe('the story, end to end (browser)', () => {
  const { server, as, pageErrors } = useBrowserSessions({ pageErrorsByPerson: true });

  async function transition(page: Page, to: string, statusLabel: string, submittedOn?: string): Promise<void> {
    await page.getByTestId(`transition-${to}`).click();
    const dialog = page.getByRole('dialog');
    if (submittedOn) await dialog.getByTestId('transition-submitted-on').fill(submittedOn);
    await dialog.getByTestId('confirm-dialog-confirm').click();
    await page.getByTestId('proposal-status').filter({ hasText: statusLabel }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('goes from co-authoring to a leader seeing the adoption and the evidence behind it', async () => {
    // ---- 1. 张洁 drafts the proposal and invites 林晓燕 as co-author
    const zhang = await as(ZHANG.email);
    await zhang.goto(`${server.url}/proposals/new`);
    await zhang.getByTestId('proposal-title-input').fill(TITLE);
    await zhang.getByTestId('proposal-year-input').fill('2021');
    await zhang.getByTestId('proposal-district-select').selectOption({ label: '晋安区妇联' });
    await zhang.getByLabel('报送对象').fill('晋安区人民政府');
    await zhang.getByTestId('proposal-create-submit').click();
    await zhang.getByTestId('proposal-title').filter({ hasText: TITLE }).waitFor();
    const proposalUrl = zhang.url();
    const proposalId = proposalUrl.split('/').pop()!;

    await zhang.getByTestId('member-add').click();
    await zhang.getByTestId('member-search').fill(LIN.name);
    await zhang.getByTestId('member-option').filter({ hasText: LIN.name }).click();
    await zhang.getByTestId('member-role-select').selectOption('coauthor');
    await zhang.getByTestId('member-add-submit').click();
    await zhang.locator('[data-testid="member-item"][data-role="coauthor"]', { hasText: LIN.name }).waitFor();

    // both write in the editor at once; 林晓燕's paragraph becomes suggestion 1
    const lin = await as(LIN.email);
    await zhang.goto(`${server.url}/proposals/${proposalId}/edit`);
    await lin.goto(`${server.url}/proposals/${proposalId}/edit`);
    for (const page of [zhang, lin]) await page.locator('[data-testid=connection-status][data-state=saved]').waitFor({ timeout: WAIT });
    await zhang.getByTestId('presence-user').filter({ hasText: LIN.name }).waitFor({ timeout: WAIT });

    await zhang.locator(EDITABLE).click();
    await zhang.keyboard.type(BACKGROUND);
    await zhang.keyboard.press('Enter');
    await lin.locator(EDITABLE).filter({ hasText: BACKGROUND }).waitFor({ timeout: WAIT });
    await lin.locator(EDITABLE).click();
    await lin.keyboard.press('Control+End');
    await lin.keyboard.type(SUGGESTION);
    await lin.getByTestId('toolbar-suggestion').click();
    await zhang.locator(`${EDITABLE} section.suggestion-block`).filter({ hasText: SUGGESTION }).waitFor({ timeout: WAIT });
    for (const page of [zhang, lin]) await page.locator('[data-testid=connection-status][data-state=saved]').waitFor({ timeout: WAIT });

    // the server derives a numbered suggestion from the block once it stores the document (debounced)
    const suggestionRows = async () => {
      const response = await zhang.request.post(`${server.url}/graphql`, {
        data: { query: 'query($id: ID!) { proposal(id: $id) { suggestions { id text } } }', variables: { id: proposalId } },
      });
      return ((await response.json()).data?.proposal.suggestions ?? []) as { id: string; text: string }[];
    };
    const deadline = Date.now() + WAIT;
    while (!(await suggestionRows()).some((row) => row.text.startsWith(SUGGESTION.slice(0, 12)))) {
      if (Date.now() > deadline) throw new Error('the suggestion block did not become a suggestion');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await zhang.goto(proposalUrl);
    const suggestionItem = zhang.getByTestId('suggestion-item').filter({ hasText: SUGGESTION.slice(0, 12) });
    await suggestionItem.waitFor({ timeout: WAIT });
    const suggestionId = (await suggestionItem.getAttribute('data-suggestion-id'))!;
    expect(suggestionId).toBeTruthy();

    // ---- 2. she links the training evidence to the suggestion
    const panel = zhang.getByTestId('evidence-panel');
    await panel.getByTestId('evidence-link-add').click();
    const linkDialog = zhang.getByRole('dialog');
    await linkDialog.getByTestId('evidence-link-search').fill('三社联动');
    await linkDialog.getByTestId('evidence-link-option').filter({ hasText: TRAINING_TITLE_START }).click();
    await linkDialog.getByTestId('evidence-link-target').selectOption(suggestionId);
    await linkDialog.getByTestId('evidence-link-submit').click();
    await linkDialog.waitFor({ state: 'hidden' });
    const linked = panel
      .locator(`[data-testid="evidence-link-group"][data-suggestion-id="${suggestionId}"]`)
      .getByTestId('evidence-link-item')
      .filter({ hasText: TRAINING_TITLE_START });
    await linked.waitFor();
    const evidenceId = (await linked.getAttribute('data-evidence-id'))!;

    // ---- 3. review, then submitted to the district: handed in on paper in December 2021, recorded now
    await transition(zhang, 'in_review', '审阅中');
    await transition(zhang, 'submitted', '已提交', '2021-12-15');
    await zhang
      .getByTestId('timeline-item')
      .filter({ has: zhang.locator('[data-effective-on="2021-12-15"]') })
      .filter({ hasText: '实际日期：2021年12月15日' })
      .first()
      .waitFor();

    // ---- 4. 王敏 imports the district's program by pasting its text, then reviews the matches
    const admin = await as(ADMIN);
    await admin.getByTestId('nav-programs').click();
    await admin.getByTestId('program-import').click();
    await admin.getByTestId('program-import-text').fill(PROGRAM_TEXT);
    await admin.getByTestId('program-import-recognise').click();
    await admin.getByTestId('program-preview-node').filter({ hasText: CLAUSE.slice(0, 12) }).waitFor();
    await admin.getByTestId('program-name-input').fill(PROGRAM_NAME);
    await admin.getByTestId('program-issuer-input').fill('晋安区人民政府');
    await admin.getByTestId('program-period-start').fill('2021');
    await admin.getByTestId('program-period-end').fill('2030');
    await admin.getByTestId('program-promulgated').fill('2022-06');
    await admin.getByTestId('program-district').selectOption({ label: '晋安区妇联' });
    await admin.getByTestId('program-save').click();
    await admin.getByTestId('program-title').filter({ hasText: PROGRAM_NAME }).waitFor({ timeout: WAIT });
    const clause = admin.getByTestId('program-clause').filter({ hasText: CLAUSE.slice(0, 12) });
    const clauseId = (await clause.getAttribute('data-clause-id'))!;

    await admin.getByTestId('program-matches').click();
    const match = admin
      .locator(`[data-testid="match-suggestion"][data-suggestion-id="${suggestionId}"]`)
      .locator(`[data-testid="match-item"][data-clause-id="${clauseId}"]`);
    await match.waitFor({ timeout: WAIT });
    expect(await match.getByTestId('match-overlap').count()).toBeGreaterThan(0);
    await admin.getByTestId('match-decided-on').first().fill('2022-06-20');
    await match.getByTestId('match-confirm').click();
    await admin.getByTestId('match-notice').waitFor();

    // ---- 5. 黄丽 sees the adoption on the dashboard, with the evidence chain
    const huang = await as(HUANG);
    await huang.getByTestId('nav-dashboard').click();
    const adoption = huang.locator(`[data-testid="dashboard-adoption"][data-suggestion-id="${suggestionId}"]`);
    await adoption.waitFor({ timeout: WAIT });
    expect(await adoption.textContent()).toContain(TITLE);
    const evidenceLink = adoption.locator(`[data-testid="dashboard-chain-evidence"][data-evidence-id="${evidenceId}"]`);
    expect(await evidenceLink.textContent()).toContain(TRAINING_TITLE_START);
    const clauseLink = adoption.locator(`[data-testid="dashboard-chain-clause"][data-clause-id="${clauseId}"]`);
    expect(await clauseLink.textContent()).toContain(PROGRAM_NAME);
    expect(await adoption.textContent()).toContain('2022年6月20日');
    // 2021-12-15 → 2022-06-20
    expect(await adoption.textContent()).toContain('提交后 187 天采纳');
    await huang.screenshot({ path: '/tmp/story-dashboard.png', fullPage: true });

    // every step is a link: the clause in its program, the proposal, the evidence record
    await clauseLink.click();
    await huang.getByTestId('program-title').filter({ hasText: PROGRAM_NAME }).waitFor();
    await huang.locator(`[data-testid="program-clause"][data-clause-id="${clauseId}"]`).waitFor();
    await huang.goBack();
    await adoption.getByTestId('dashboard-chain-suggestion').click();
    await huang.getByTestId('proposal-title').filter({ hasText: TITLE }).waitFor();
    await huang.goBack();
    await evidenceLink.click();
    await huang.getByTestId('evidence-detail-title').filter({ hasText: TRAINING_TITLE_START }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
