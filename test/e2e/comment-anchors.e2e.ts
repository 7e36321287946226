import type { Page } from 'playwright-core';
import { useBrowserSessions } from '../support/browser-session';
import { until } from '../support/polling';

/**
 * Comments anchored to a passage (../../../shared/context/DOMAIN.md): 张洁 selects a sentence of the
 * proposal text and comments on it; her co-author 林晓燕 writes before it through a Chinese input
 * method; the highlight and the thread stay with the sentence, in both browsers and on the server.
 * Deleting the sentence leaves the thread, shown as detached.
 */

const ZHANG = 'zhangjie@jianyan.demo';
const LIN = 'linxiaoyan@jianyan.demo';
const WAIT = 20_000;
const EDITABLE = '[data-testid=proposal-editor] .ProseMirror';
const SENTENCE = '2020年以来，两千余名流动妇女参加了免费职业技能培训。';
const QUOTE = '流动妇女参加了免费职业技能培训';

describe('comments anchored to a passage of the text (browser)', () => {
  const { server, personAt, graphql, pageErrors } = useBrowserSessions({ pageErrorsByPerson: true });

  /** The text of the highlighted passages of the editor, without the others' caret labels. */
  const highlighted = (page: Page) =>
    page.locator(`${EDITABLE} .comment-anchor`).evaluateAll((spans) =>
      spans.map((span) => {
        const copy = span.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.pe-caret').forEach((caret) => caret.remove());
        return (copy.textContent ?? '').replace(/\u2060/g, '');
      }),
    );
  const paragraphText = (page: Page) =>
    page.locator(`${EDITABLE} p`).first().evaluate((p) => {
      const copy = p.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.pe-caret').forEach((caret) => caret.remove());
      return (copy.textContent ?? '').replace(/\u2060/g, '');
    });
  const serverAnchor = async (page: Page, proposalId: string) =>
    (await graphql(page, 'query($id: ID!) { proposal(id: $id) { comments { body anchor { quote currentText detached } } } }', { id: proposalId }))
      .proposal.comments[0]?.anchor;

  it('张洁 comments on a sentence; 林晓燕 types before it through an input method; highlight and thread stay attached', async () => {
    const zhang = await personAt(ZHANG);
    const lin = await personAt(LIN);
    const { organizations } = await graphql(zhang.page, '{ organizations { id code } }');
    const { createProposal } = await graphql(zhang.page, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于扩大流动妇女职业技能培训的建议', year: 2026, districtId: organizations.find((o: { code: string }) => o.code === 'jinan').id },
    });
    const proposalId: string = createProposal.id;
    const { people } = await graphql(zhang.page, '{ people(search: "林晓燕") { id } }');
    await graphql(zhang.page, 'mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
      input: { proposalId, userId: people[0].id, role: 'coauthor' },
    });

    for (const { page } of [zhang, lin]) {
      await page.goto(`${server.url}/proposals/${proposalId}`);
      await page.locator(`${EDITABLE}[contenteditable=true]`).waitFor({ timeout: WAIT });
    }
    await zhang.page.getByTestId('presence-user').filter({ hasText: '林晓燕' }).waitFor({ timeout: WAIT });

    // 张洁 writes the sentence and selects the passage (the sentence without its first words and the 。)
    await zhang.page.locator(EDITABLE).click();
    await zhang.page.keyboard.insertText(SENTENCE);
    await zhang.page.keyboard.press('End');
    await zhang.page.keyboard.press('ArrowLeft');
    await zhang.page.keyboard.down('Shift');
    for (let i = 0; i < QUOTE.length; i++) await zhang.page.keyboard.press('ArrowLeft');
    await zhang.page.keyboard.up('Shift');

    // 评论 → the first comment → the passage is highlighted, in both browsers
    await zhang.page.getByTestId('toolbar-comment').click();
    const dialog = zhang.page.getByTestId('comment-anchor-dialog');
    expect(await dialog.locator('blockquote').textContent()).toBe(QUOTE);
    await dialog.getByTestId('comment-anchor-dialog-input').fill('请注明培训人数的来源（人社部门统计）。');
    await dialog.getByTestId('comment-anchor-dialog-submit').click();
    await until(() => highlighted(zhang.page), (texts) => texts.join('') === QUOTE, 'the highlight in 张洁’s editor');
    await until(() => highlighted(lin.page), (texts) => texts.join('') === QUOTE, 'the highlight in 林晓燕’s editor');
    const thread = lin.page.locator('[data-anchor-thread]');
    await thread.getByTestId('comment-anchor').filter({ hasText: QUOTE }).waitFor({ timeout: WAIT });
    expect(await thread.textContent()).toContain('请注明培训人数的来源');

    // 林晓燕 types before the passage, through the input method
    await lin.page.locator(`${EDITABLE} p`).first().click({ position: { x: 2, y: 6 } });
    await lin.page.keyboard.press('Home');
    const cdp = await lin.context.newCDPSession(lin.page);
    for (const pinyin of ['f', 'fuz', 'fuzhou']) {
      await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
    }
    await cdp.send('Input.insertText', { text: '福州市' });
    await until(() => paragraphText(zhang.page), (text) => text === `福州市${SENTENCE}`, 'the new words in 张洁’s editor');

    // the highlight and the thread stay with the passage
    for (const { page } of [zhang, lin]) {
      expect(await highlighted(page)).toEqual([QUOTE]);
      expect(await page.locator('[data-testid=comment-anchor]').getAttribute('data-detached')).toBe('false');
    }
    expect(await paragraphText(lin.page)).toBe(`福州市${SENTENCE}`);
    await until(() => serverAnchor(zhang.page, proposalId), (anchor) => anchor?.currentText === QUOTE && !anchor.detached, 'the anchor on the server');
    expect(await zhang.page.getByTestId('presence-user').allTextContents()).toEqual(['张洁', '林晓燕']);

    // clicking the highlighted text shows its thread
    const anchorBox = await lin.page.locator(`${EDITABLE} .comment-anchor`).evaluate((span) => {
      span.scrollIntoView({ block: 'center' });
      const { left, top, height } = span.getClientRects()[0]; // its first line (it may wrap)
      return { x: left + 8, y: top + height / 2 };
    });
    await lin.page.mouse.click(anchorBox.x, anchorBox.y);
    await until(() => thread.evaluate((element) => document.activeElement === element), Boolean, 'the thread to be shown');

    // 张洁 deletes the passage: the thread stays, shown as detached
    await zhang.page.locator(EDITABLE).click();
    await zhang.page.keyboard.press('End');
    await zhang.page.keyboard.press('ArrowLeft');
    await zhang.page.keyboard.down('Shift');
    for (let i = 0; i < QUOTE.length; i++) await zhang.page.keyboard.press('ArrowLeft');
    await zhang.page.keyboard.up('Shift');
    await zhang.page.keyboard.press('Backspace');
    await until(() => paragraphText(lin.page), (text) => text === '福州市2020年以来，两千余名。', 'the deletion in 林晓燕’s editor');
    await lin.page.locator('[data-testid=comment-anchor][data-detached=true]').waitFor({ timeout: WAIT });
    expect(await thread.textContent()).toContain('请注明培训人数的来源');
    await until(() => serverAnchor(zhang.page, proposalId), (anchor) => anchor?.detached === true, 'the detached anchor on the server');
  });

  it('raised no errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
