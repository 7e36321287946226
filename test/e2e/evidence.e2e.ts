import type { Page } from 'playwright-core';
import { useBrowserSessions } from '../support/browser-session';
import { fullShot } from '../support/screenshots';

/**
 * The evidence library in the browser (../../../shared/context/DOMAIN.md), the acceptance
 * scenario:
 *   1. 陈芳 (contributor) records a restricted case whose narrative holds a valid resident ID number,
 *      sees the number detected (and its masked form) in the form, saves it and publishes it;
 *   2. 刘思远 (researcher, no grant) cannot find it in the library, by its title or by the number:
 *      no result and no facet count;
 *   3. 张洁 (member, owner of the story's proposal) links the public "三社联动" training record to
 *      the proposal's first suggestion from the evidence panel; the link shows under that suggestion
 *      and in the record's "supports" section. (The demo data already links that record there, so she
 *      first removes the demo link from the panel, then links it again with her own note.)
 * Screenshots: /tmp/evidence-form.png, /tmp/evidence-form-narrative.png, /tmp/evidence-record.png, /tmp/evidence-library.png,
 * /tmp/evidence-library-researcher.png, /tmp/evidence-panel.png, /tmp/evidence-link-dialog.png,
 * /tmp/evidence-supports.png.
 */

const CHEN = 'chenfang@jianyan.demo';
const LIU = 'liusiyuan@jianyan.demo';
const ZHANG = 'zhangjie@jianyan.demo';

const PROPOSAL_TITLE_START = '关于加大政府购买服务力度';
const TRAINING_TITLE = '“三社联动”项目免费职业技能培训：家政、美容、电工、推拿';

/** GB 11643: the ISO 7064 MOD 11-2 check character of the first 17 digits. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

const RESIDENT_ID = withCheckDigit('35011119850307123');
const MASKED_ID = `${RESIDENT_ID.slice(0, 4)}${'*'.repeat(10)}${RESIDENT_ID.slice(-4)}`;
const CASE_TITLE = '个案：流动母亲求助记录（茶会社区）';
const NARRATIVE =
  '2024年5月，一位流动母亲带着两个孩子到社区求助。她在城中村租房，靠打零工维持生活，' +
  `身份证号为${RESIDENT_ID}，因证件遗失无法办理居住证，孩子入学受阻。社工陪同她到派出所补办证件，并联系学校办理入学。`;

describe('evidence library: recording, clearance and linking (browser)', () => {
  const { server, as, pageErrors } = useBrowserSessions();

  /** Types words in the library's search; resolves once the search is applied (it waits for a pause in typing). */
  async function searchLibrary(page: Page, text: string): Promise<void> {
    await page.getByTestId('evidence-filter-text').fill(text);
    await page.waitForURL((url) => url.searchParams.get('q') === text);
  }

  let caseId = '';

  it('陈芳 records a restricted case, sees the ID number detected while typing, saves and publishes it', async () => {
    const chen = await as(CHEN);
    await chen.getByTestId('nav-evidence').click();
    await chen.getByTestId('evidence-list').waitFor();
    await chen.getByTestId('evidence-new').click();

    await chen.getByTestId('evidence-title-input').fill(CASE_TITLE);
    await chen.getByTestId('evidence-source-type-select').selectOption('case_note');
    await chen.getByTestId('evidence-date-from-input').fill('2024-05-10');
    await chen.getByTestId('evidence-district-select').selectOption({ label: '晋安区妇联' });
    await chen.getByLabel('乡镇（街道）').fill('鼓山镇');
    await chen.getByLabel('社区（村）').fill('茶会社区');
    await chen.getByTestId('evidence-narrative-input').fill(NARRATIVE);
    await chen.getByLabel('流动妇女').check();
    await chen.getByLabel('妇女与社会保障').check();

    // Detected as she types, with the form people without clearance will see.
    const finding = chen.locator('[data-testid="evidence-pii-finding"][data-kind="resident_id"]');
    await finding.waitFor();
    expect(await finding.getAttribute('data-masked')).toBe(MASKED_ID);
    expect(await finding.textContent()).toContain(RESIDENT_ID);
    expect(await finding.textContent()).toContain('居民身份证号');
    // Restricted is the default, and the record is about identifiable people.
    expect(await chen.getByTestId('evidence-sensitivity-select').inputValue()).toBe('restricted');
    await chen.locator('.pii-under.pii-resident_id').waitFor();
    await chen.getByTestId('evidence-narrative-input').blur();
    await fullShot(chen, '/tmp/evidence-form.png');
    await chen.setViewportSize({ width: 1280, height: 2400 });
    await chen.locator('.form-card', { has: chen.getByTestId('evidence-narrative-input') }).screenshot({ path: '/tmp/evidence-form-narrative.png' });
    await chen.setViewportSize({ width: 1280, height: 900 });

    await chen.getByTestId('evidence-save').click();
    await chen.getByTestId('evidence-detail-title').filter({ hasText: CASE_TITLE }).waitFor();
    caseId = chen.url().split('/').pop()!;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await chen.getByTestId('evidence-status').getAttribute('data-status')).toBe('draft');
    // She sees the raw narrative, the number highlighted and listed with its masked form.
    expect(await chen.getByTestId('evidence-narrative').textContent()).toContain(RESIDENT_ID);
    await chen.locator(`[data-testid="evidence-pii-finding"][data-kind="resident_id"][data-masked="${MASKED_ID}"]`).waitFor();

    await chen.getByTestId('evidence-publish').click();
    await chen.getByRole('dialog').getByTestId('confirm-dialog-confirm').click();
    await chen.locator('[data-testid="evidence-status"][data-status="published"]').waitFor();
    expect(await chen.getByTestId('evidence-sensitivity').first().getAttribute('data-sensitivity')).toBe('restricted');
    await chen.getByTestId('evidence-notice').getByRole('button').click();
    await fullShot(chen, '/tmp/evidence-record.png');

    // In her library it is there, as restricted.
    await chen.getByTestId('nav-evidence').click();
    const row = chen.locator(`[data-testid="evidence-row"][data-evidence-id="${caseId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('evidence-sensitivity').getAttribute('data-sensitivity')).toBe('restricted');
    await fullShot(chen, '/tmp/evidence-library.png');
  });

  it('刘思远 (researcher, not cleared) finds it neither by its title nor by the ID number, and no facet counts it', async () => {
    expect(caseId).not.toBe('');
    const liu = await as(LIU);
    await liu.getByTestId('nav-evidence').click();
    await liu.getByTestId('evidence-list').waitFor();

    // The search works for him: the public training record is found, and counted.
    await searchLibrary(liu, '三社联动');
    await liu.getByTestId('evidence-row').filter({ hasText: TRAINING_TITLE }).waitFor();
    await liu.locator('[data-testid="evidence-facets"]:not([data-total="0"]):not([data-total=""])').waitFor();

    for (const text of ['流动母亲求助记录', RESIDENT_ID]) {
      await searchLibrary(liu, text);
      await liu.locator('[data-testid="evidence-list"][data-count="0"]').waitFor({ state: 'attached' });
      await liu.locator('[data-testid="evidence-facets"][data-total="0"]').waitFor();
      await liu.getByText('没有符合条件的证据。').waitFor();
      expect(await liu.getByTestId('evidence-row').count()).toBe(0);
      expect(await liu.getByTestId('evidence-facet-option').count()).toBe(0);
    }
    await fullShot(liu, '/tmp/evidence-library-researcher.png');

    // Nor can he open it.
    await liu.goto(`${server.url}/evidence/${caseId}`);
    await liu.getByRole('heading', { name: '找不到这条证据' }).waitFor();
  });

  it('张洁 links the public training record to the first suggestion from the evidence panel; it shows there and on the record', async () => {
    const zhang = await as(ZHANG);
    await zhang.getByTestId('nav-proposals').click();
    const row = zhang.getByTestId('proposal-row').filter({ hasText: PROPOSAL_TITLE_START });
    await row.waitFor();
    await row.getByRole('link').first().click();
    await zhang.getByTestId('proposal-title').filter({ hasText: PROPOSAL_TITLE_START }).waitFor();
    const proposalUrl = zhang.url();

    const firstSuggestionId = await zhang.getByTestId('suggestion-item').first().getAttribute('data-suggestion-id');
    expect(firstSuggestionId).toBeTruthy();
    const panel = zhang.getByTestId('evidence-panel');
    await panel.waitFor();
    const group = panel.locator(`[data-testid="evidence-link-group"][data-suggestion-id="${firstSuggestionId}"]`);
    const training = group.getByTestId('evidence-link-item').filter({ hasText: TRAINING_TITLE });

    // The demo data links it there already: remove that link first.
    await training.waitFor();
    await training.getByTestId('evidence-link-unlink').click();
    await zhang.getByRole('dialog').getByTestId('confirm-dialog-confirm').click();
    await training.waitFor({ state: 'detached' });

    // Link it again: search as you type, choose it, target the first suggestion, say what it shows.
    await panel.getByTestId('evidence-link-add').click();
    const dialog = zhang.getByRole('dialog');
    await dialog.getByTestId('evidence-link-search').fill('三社联动');
    await dialog.getByTestId('evidence-link-option').filter({ hasText: TRAINING_TITLE }).click();
    await dialog.getByTestId('evidence-link-target').selectOption(firstSuggestionId!);
    const note = '2000余人次参加免费培训、58名失业妇女取证就业，说明购买服务见效';
    await dialog.getByLabel('说明').fill(note);
    await zhang.screenshot({ path: '/tmp/evidence-link-dialog.png' });
    await dialog.getByTestId('evidence-link-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    // Under the first suggestion, with her note.
    await training.filter({ hasText: note }).waitFor();
    const trainingId = await training.getAttribute('data-evidence-id');
    expect(trainingId).toBeTruthy();
    expect(await training.getAttribute('data-kind')).toBe('suggestion');
    await zhang.getByTestId('proposal-notice').getByRole('button').click();
    // Tall enough for the whole panel, so that the sticky top bar does not cover it.
    await zhang.setViewportSize({ width: 1280, height: 2400 });
    await panel.screenshot({ path: '/tmp/evidence-panel.png' });
    await zhang.setViewportSize({ width: 1280, height: 900 });

    // The record's "supports" section lists that suggestion of the proposal, linking back to it.
    await training.getByRole('link', { name: TRAINING_TITLE }).click();
    await zhang.getByTestId('evidence-detail-title').filter({ hasText: TRAINING_TITLE }).waitFor();
    const support = zhang.locator(`[data-testid="evidence-support-item"][data-suggestion-id="${firstSuggestionId}"]`).filter({ hasText: note });
    await support.waitFor();
    expect(await support.textContent()).toContain(PROPOSAL_TITLE_START);
    expect(await support.textContent()).toContain('第 1 条');
    await fullShot(zhang, '/tmp/evidence-supports.png');
    await support.getByRole('link').first().click();
    await zhang.waitForURL(proposalUrl);
  });

  it('张洁 cites linked evidence at a passage she selects in the editor; the passage link shows with its quote', async () => {
    const zhang = await as('zhangjie@jianyan.demo');
    const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await zhang.request.post(`${server.url}/graphql`, { data: { query, variables } });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const { organizations } = await graphql('{ organizations { id code } }');
    const { createProposal } = await graphql('mutation($i: CreateProposalInput!) { createProposal(input: $i) { id } }', {
      i: { title: '关于扩大流动妇女技能培训覆盖面的建议', year: 2026, districtId: organizations.find((o: { code: string }) => o.code === 'jinan').id },
    });
    const { evidenceList } = await graphql('query { evidenceList(first: 5, filter: { text: "三社联动" }) { nodes { id } } }');
    const evidenceId = evidenceList.nodes[0].id;
    await graphql('mutation($i: LinkEvidenceInput!) { linkEvidence(input: $i) { id } }', { i: { evidenceId, proposalId: createProposal.id } });

    await zhang.goto(`${server.url}/proposals/${createProposal.id}`);
    const editable = zhang.locator('[data-testid=proposal-editor] .ProseMirror[contenteditable=true]');
    await editable.waitFor();
    await editable.click();
    await zhang.keyboard.insertText('两千余名流动妇女参加了免费培训');
    await zhang.getByTestId('connection-status').and(zhang.locator('[data-state=saved]')).waitFor();
    await editable.locator('p', { hasText: '两千余名流动妇女参加了免费培训' }).click({ clickCount: 3 });

    const panel = zhang.getByTestId('evidence-panel');
    await panel.getByTestId('evidence-cite').first().click();
    await panel.locator('[data-testid=evidence-link-item][data-kind=passage]').waitFor();
    expect(await panel.locator('[data-testid=evidence-link-item][data-kind=passage]').textContent()).toContain('两千余名流动妇女参加了免费培训');
    await editable.locator(`span.evidence-citation[data-evidence-id="${evidenceId}"]`).waitFor();
  });

  it('raised no errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
