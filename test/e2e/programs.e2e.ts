import { Document, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import { useBrowserSessions } from '../support/browser-session';

/**
 * Development programs, adoption and matching in the browser, on the demo data (api/src/seed):
 *   1. everyone finds 发展纲要 in the navigation; the Jin'an program's clause that took up the story's
 *      suggestion carries an adoption badge (seeded, June 2022);
 *   2. the admin 王敏 imports a program by pasting its text, corrects a node in the preview (number
 *      and text), fills in its details and saves: the tree shows the corrected node;
 *   3. she opens the matching review of the story's suggestion from the proposal page, sees the new
 *      program's clause proposed with the shared words highlighted, and confirms it;
 *   4. the clause now shows an adoption badge, and the suggestion lists the adoption;
 *   5. a program uploaded as a Word (.docx) file is recognised the same way; another file type is refused.
 * Screenshots: /tmp/programs-preview.png, /tmp/programs-matches.png, /tmp/programs-tree.png.
 */

const ADMIN = 'admin@jianyan.demo';
const STORY_TITLE_START = '关于加大政府购买服务力度';
const JINAN_PROGRAM = '福州市晋安区妇女发展纲要（2021—2030年）';
const NEW_PROGRAM = '福州市仓山区妇女发展纲要（2021—2030年）';
const MATCHING_CLAUSE = '加大政府购买服务力度，支持社会组织为边缘困境流动妇女提供专业社会工作服务。';
const PASTED = `${NEW_PROGRAM}
一、妇女与社会保障
主要目标：
1. 困境妇女得到帮扶。
策略措施：
1. ${MATCHING_CLAUSE}
2. 完善生育保险制度，将灵活就业妇女纳入生育保障。
二、妇女与健康
策略措施：
1. 为适龄妇女提供免费宫颈癌筛查。
`;

describe('programs, adoption and matching (browser)', () => {
  const { server, as, pageErrors } = useBrowserSessions();
  let page: Page;

  beforeAll(async () => {
    page = await as(ADMIN);
  });

  const clause = (text: string) => page.getByTestId('program-clause').filter({ hasText: text });

  it('shows the demo programs and the seeded adoption badge on the Jin’an clause', async () => {
    await page.getByTestId('nav-programs').click();
    await page.waitForURL((url) => url.pathname === '/programs');
    expect(await page.getByTestId('nav-programs').textContent()).toBe('发展纲要');
    await page.getByTestId('program-row').first().waitFor();
    expect(await page.getByTestId('program-row').count()).toBe(3);
    await page.getByRole('link', { name: JINAN_PROGRAM }).click();
    await page.getByTestId('program-title').waitFor();
    const badge = page.getByTestId('clause-adoption-badge');
    await badge.waitFor();
    expect(await badge.count()).toBe(1);
    expect(await badge.getAttribute('data-count')).toBe('1');
    await badge.click();
    expect(await page.getByTestId('clause-adoption').textContent()).toContain('已采纳（2022-06-20）');
  });

  it('imports a pasted program, with a node corrected in the preview', async () => {
    await page.goto(`${server.url}/programs`);
    await page.getByTestId('program-import').click();
    await page.getByTestId('program-import-text').fill(PASTED);
    await page.getByTestId('program-import-recognise').click();
    const rows = page.getByTestId('program-preview-node');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(9);
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-depth')))).toEqual(['0', '1', '2', '1', '2', '2', '0', '1', '2']);
    expect(await rows.nth(4).getByTestId('program-node-kind').inputValue()).toBe('measure');
    expect(await rows.nth(2).getByTestId('program-node-kind').inputValue()).toBe('goal');
    // the name comes from the title line
    expect(await page.getByTestId('program-name-input').inputValue()).toBe(NEW_PROGRAM);

    // correct the goal: its number and its text
    await rows.nth(2).getByTestId('program-node-number').fill('（1）');
    await rows.nth(2).getByTestId('program-node-text').fill('边缘困境妇女得到及时有效的帮扶。');
    await page.getByTestId('program-issuer-input').fill('仓山区人民政府');
    await page.getByTestId('program-promulgated').fill('2022-06');
    await page.getByTestId('program-source').fill('仓政〔2022〕12号');
    await page.screenshot({ path: '/tmp/programs-preview.png', fullPage: true });
    await page.getByTestId('program-save').click();

    await page.waitForURL((url) => /^\/programs\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await page.getByTestId('program-title').textContent()).toBe(NEW_PROGRAM);
    const corrected = clause('边缘困境妇女得到及时有效的帮扶。');
    await corrected.waitFor();
    expect(await corrected.getAttribute('data-kind')).toBe('goal');
    expect(await corrected.textContent()).toContain('（1）');
    expect(await page.getByTestId('program-clause').count()).toBe(9);
    expect(await page.getByTestId('clause-adoption-badge').count()).toBe(0);
  });

  it('confirms the proposed clause for the story’s suggestion, which then shows an adoption badge', async () => {
    const programUrl = page.url();
    await page.goto(`${server.url}/proposals`);
    await page.getByRole('link', { name: new RegExp(`^${STORY_TITLE_START}`) }).first().click();
    const story = page.getByTestId('suggestion-item').first();
    await story.getByTestId('suggestion-adoption-item').first().waitFor();
    expect(await story.getByTestId('suggestion-adoption-item').count()).toBe(1);
    await story.getByTestId('adoption-find-clauses').click();

    await page.waitForURL((url) => /^\/suggestions\/[0-9a-f-]{36}\/matches$/.test(url.pathname));
    const proposed = page.getByTestId('match-item').filter({ hasText: MATCHING_CLAUSE });
    await proposed.waitFor();
    expect(await proposed.textContent()).toContain(NEW_PROGRAM);
    // the shared words are highlighted on both sides
    const marked = await proposed.getByTestId('match-overlap').allTextContents();
    expect(marked).toEqual(expect.arrayContaining(['政府', '购买', '流动']));
    expect(await page.getByTestId('match-suggestion').getByTestId('match-overlap').count()).toBeGreaterThan(0);
    // the Jin'an clause that already adopted it is not proposed again
    expect(await page.getByTestId('match-item').filter({ hasText: '逐年增加购买服务资金投入' }).count()).toBe(0);
    await page.getByTestId('match-decided-on').fill('2022-06-30');
    await page.screenshot({ path: '/tmp/programs-matches.png', fullPage: true });
    await proposed.getByTestId('match-confirm').click();
    await page.getByTestId('match-notice').waitFor();
    expect(await page.getByTestId('match-notice').textContent()).toContain(`已确认：${NEW_PROGRAM}`);
    await page.getByTestId('match-item').filter({ hasText: MATCHING_CLAUSE }).waitFor({ state: 'detached' });

    await page.goto(programUrl);
    const adopted = clause(MATCHING_CLAUSE);
    await adopted.getByTestId('clause-adoption-badge').waitFor();
    expect(await adopted.getByTestId('clause-adoption-badge').getAttribute('data-count')).toBe('1');
    await adopted.getByTestId('clause-adoption-badge').click();
    expect(await adopted.getByTestId('clause-adoption').textContent()).toContain('已采纳（2022-06-30）');
    await page.screenshot({ path: '/tmp/programs-tree.png', fullPage: true });

    await adopted.getByTestId('clause-adoption').getByRole('link').click();
    await page.waitForURL((url) => url.pathname.startsWith('/proposals/'));
    const items = page.getByTestId('suggestion-item').first().getByTestId('suggestion-adoption-item');
    await items.nth(1).waitFor();
    expect(await items.nth(1).textContent()).toContain(NEW_PROGRAM);
    expect(pageErrors).toEqual([]);
  });

  it('records an official reply as the outcome of another suggestion through the adoption dialog', async () => {
    const second = page.getByTestId('suggestion-item').nth(1);
    await second.getByTestId('adoption-record').click();
    await page.getByTestId('adoption-target-kind').selectOption('official_reply');
    await page.getByTestId('adoption-document-title').fill('晋人社函〔2022〕18号');
    await page.getByTestId('adoption-status').selectOption('included_in_plan');
    await page.getByTestId('adoption-decided-on').fill('2022-07-15');
    await page.getByTestId('confirm-dialog-confirm').click();
    const item = second.getByTestId('suggestion-adoption-item');
    await item.waitFor();
    expect(await item.textContent()).toContain('晋人社函〔2022〕18号');
    expect(await item.textContent()).toContain('列入计划');
    // the suggestion's status follows: submitted → included in plan
    await second.getByText('列入计划').first().waitFor();

    // and the record can be deleted again (no record left: back to under consideration, through a correction in the history)
    await item.getByRole('button', { name: '删除' }).click();
    await page.getByTestId('confirm-dialog-confirm').click();
    await item.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });

  it('recognises a program uploaded as a .docx file, and refuses a file of another type', async () => {
    const lines = ['福州市鼓楼区儿童发展纲要（2021—2030年）', '一、儿童与安全', '策略措施：', '1. 加强流动儿童校园安全教育。', '2. 建立校园社工站，服务流动儿童家庭。'];
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] }));
    await page.goto(`${server.url}/programs/import`);
    const fileInput = page.getByTestId('program-import-file');

    await fileInput.setInputFiles({ name: '纲要.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
    await page.getByTestId('program-import-recognise').click();
    await page.getByRole('alert').filter({ hasText: '请选择 Word（.docx）或 PDF 文件。' }).waitFor();

    await fileInput.setInputFiles({ name: '鼓楼区儿童发展纲要.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    await page.getByText('已选择：鼓楼区儿童发展纲要.docx').waitFor();
    await page.getByTestId('program-import-recognise').click();
    const rows = page.getByTestId('program-preview-node');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-depth')))).toEqual(['0', '1', '2', '2']);
    expect(await rows.nth(3).getByTestId('program-node-text').inputValue()).toBe('建立校园社工站，服务流动儿童家庭。');
    expect(await page.getByTestId('program-name-input').inputValue()).toBe(lines[0]);
    expect(pageErrors).toEqual([]);
  });

  it('corrects a clause of the Jin’an program inline and its promulgation date in the details dialog; both stay after a reload', async () => {
    const before = '为流动妇女提供免费宫颈癌和乳腺癌筛查服务。';
    const after = '为流动妇女和困境妇女提供免费宫颈癌和乳腺癌筛查服务。';
    await page.goto(`${server.url}/programs`);
    await page.getByRole('link', { name: JINAN_PROGRAM }).click();
    await page.getByTestId('program-title').waitFor();

    const clauseId = await clause(before).getAttribute('data-clause-id');
    const screening = page.locator(`[data-testid="program-clause"][data-clause-id="${clauseId}"]`);
    await screening.getByTestId('clause-edit').click();
    const form = screening.getByTestId('clause-edit-form');
    await form.getByTestId('clause-edit-text').fill('  ');
    await form.getByTestId('clause-edit-save').click();
    await form.getByRole('alert').filter({ hasText: '请填写条款文字' }).waitFor();
    await screening.screenshot({ path: '/tmp/programs-clause-edit.png' });
    await form.getByTestId('clause-edit-text').fill(after);
    // a measure may become a goal, never a heading
    const kind = form.getByTestId('clause-edit-kind');
    expect(await kind.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['goal', 'measure']);
    expect(await kind.inputValue()).toBe('measure');
    await kind.selectOption('goal');
    await form.getByTestId('clause-edit-save').click();
    await screening.getByTestId('clause-edit').waitFor();
    expect(await screening.textContent()).toContain(after);
    expect(await screening.getAttribute('data-kind')).toBe('goal');
    expect(await page.getByTestId('clause-edit-form').count()).toBe(0);

    await page.getByTestId('program-edit').click();
    const promulgated = page.getByTestId('program-edit-promulgated');
    expect(await promulgated.inputValue()).toBe('2022-06');
    await promulgated.fill('2022-02-30');
    await page.getByTestId('program-edit-save').click();
    await page.getByRole('alert').filter({ hasText: '请按 2022-06 或 2022-06-15 的格式填写真实的日期。' }).waitFor();
    await page.screenshot({ path: '/tmp/programs-edit-details.png' });
    await promulgated.fill('2022-06-10');
    await page.getByTestId('program-edit-save').click();
    await promulgated.waitFor({ state: 'detached' });
    await page.getByText('2022-06-10 印发').waitFor();

    await page.reload();
    await page.getByTestId('program-title').waitFor();
    await clause(after).waitFor();
    expect(await clause(after).getAttribute('data-kind')).toBe('goal');
    expect(await clause(before).count()).toBe(0);
    expect(await page.locator('.program-meta').textContent()).toContain('2022-06-10 印发');
    // the clause that took up the story's suggestion still carries its badge
    expect(await page.getByTestId('clause-adoption-badge').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
