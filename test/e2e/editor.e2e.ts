import type { Page } from 'playwright-core';
import { useBrowserSessions } from '../support/browser-session';
import { until } from '../support/polling';

/**
 * The collaborative editor in two browsers (../../../shared/context/DOMAIN.md): 张洁 and her
 * co-author 林晓燕 write the proposal text at the same time, 林晓燕 through a Chinese input method
 * (composition events, driven through the DevTools protocol as an IME would); both end with the
 * same, durable text. Set EDITOR_SCREENSHOT=/tmp/editor.png to keep a picture of the editor.
 */

const ZHANG = { email: 'zhangjie@jianyan.demo', name: '张洁' };
const LIN = { email: 'linxiaoyan@jianyan.demo', name: '林晓燕' };
const DEMO_TITLE_START = '关于加大政府购买服务力度';
const WAIT = 20_000;

const EDITABLE = '[data-testid=proposal-editor] .ProseMirror';

describe('collaborative proposal editor (browser)', () => {
  const { server, personAt, graphql, pageErrors } = useBrowserSessions({ pageErrorsByPerson: true });

  /** A fresh draft by the signed-in 张洁 with 林晓燕 as co-author (the demo proposal is already submitted). */
  async function draftWithCoauthor(page: Page, title: string): Promise<string> {
    const { organizations } = await graphql(page, '{ organizations { id code } }');
    const districtId = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const { createProposal } = await graphql(page, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title, year: 2026, districtId },
    });
    const { people } = await graphql(page, '{ people(search: "林晓燕") { id } }');
    await graphql(page, 'mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
      input: { proposalId: createProposal.id, userId: people[0].id, role: 'coauthor' },
    });
    return createProposal.id;
  }

  async function openEditor(page: Page, proposalId: string): Promise<void> {
    await page.goto(`${server.url}/proposals/${proposalId}/edit`);
    await page.locator(EDITABLE).waitFor();
  }

  /** The text of the document as typed: without the others' caret labels. */
  function editorText(page: Page): Promise<string> {
    return page.locator(EDITABLE).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.pe-caret').forEach((caret) => caret.remove());
      return (copy.textContent ?? '').replace(/\u2060/g, '');
    });
  }

  function waitForState(page: Page, state: 'saved' | 'saving' | 'offline' | 'readonly'): Promise<void> {
    return page.locator(`[data-testid=connection-status][data-state=${state}]`).waitFor({ timeout: WAIT });
  }

  /** Waits until the text shown in `page` contains every needle. */
  function waitForText(page: Page, ...needles: string[]): Promise<string> {
    return until(
      () => editorText(page),
      (text) => needles.every((needle) => text.includes(needle)),
      `${needles.join(' + ')} in the editor`,
    );
  }

  it('shows the submitted demo proposal read-only: no toolbar, not editable, indicator 只读', async () => {
    const { page } = await personAt(ZHANG.email);
    const { proposals } = await graphql(page, '{ proposals(first: 5) { nodes { id title status } } }');
    const demo = proposals.nodes.find((p: { title: string }) => p.title.startsWith(DEMO_TITLE_START));
    expect(demo).toBeDefined();
    expect(demo.status).toBe('submitted');

    await openEditor(page, demo.id);
    await waitForState(page, 'readonly');
    await waitForText(page, '纳入政府购买服务目录');
    expect(await page.getByTestId('connection-status').textContent()).toContain('只读');
    expect(await page.getByTestId('editor-toolbar').count()).toBe(0);
    expect(await page.locator(EDITABLE).getAttribute('contenteditable')).toBe('false');
    // the seeded suggestions are numbered blocks
    expect(await page.locator(`${EDITABLE} section.suggestion-block`).count()).toBe(3);
    const label = await page
      .locator(`${EDITABLE} section.suggestion-block`)
      .nth(1)
      .evaluate((section) => getComputedStyle(section, '::before').content);
    expect(label).toContain('建议');
    await page.close();
  });

  it('two co-authors write at once, one in Latin letters and one through a Chinese input method; the text converges and is stored', async () => {
    const zhang = await personAt(ZHANG.email);
    const lin = await personAt(LIN.email);

    const proposalId = await draftWithCoauthor(zhang.page, '关于为流动妇女提供灵活就业技能培训的建议');

    // both open the editor and see each other
    await openEditor(zhang.page, proposalId);
    await openEditor(lin.page, proposalId);
    await waitForState(zhang.page, 'saved');
    await waitForState(lin.page, 'saved');
    await zhang.page.getByTestId('presence-user').filter({ hasText: LIN.name }).waitFor({ timeout: WAIT });
    await lin.page.getByTestId('presence-user').filter({ hasText: ZHANG.name }).waitFor({ timeout: WAIT });
    expect(await zhang.page.getByTestId('presence-user').allTextContents()).toEqual([ZHANG.name, LIN.name]);
    expect(await zhang.page.locator('[data-testid=presence-user][data-self=true]').textContent()).toBe(ZHANG.name);
    await zhang.page.getByTestId('editor-toolbar').waitFor();

    // 张洁 types a paragraph in Latin letters
    const latin = 'Since 2020, 2,000+ women trained and 58 certified.';
    await zhang.page.locator(EDITABLE).click();
    await zhang.page.keyboard.type(latin);
    await zhang.page.keyboard.press('Enter');
    await waitForText(lin.page, latin);

    // 林晓燕 types pinyin through the input method, below it...
    await lin.page.locator(EDITABLE).click();
    await lin.page.keyboard.press('Control+End');
    await lin.page.keyboard.type('试点：');
    const cdp = await lin.context.newCDPSession(lin.page);
    for (const pinyin of ['l', 'liu', 'liud', 'liudong']) {
      await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
    }
    await until(() => editorText(lin.page), (text) => text.includes('liudong'), 'the composition text');

    // ...while 张洁 keeps typing in her own paragraph during the composition
    const during = ' Placed with employers.';
    await zhang.page.keyboard.press('Control+Home');
    await zhang.page.keyboard.press('End');
    await zhang.page.keyboard.type(during);
    await waitForText(lin.page, latin + during);

    // the input method commits the characters
    await cdp.send('Input.insertText', { text: '流动妇女' });
    await lin.page.keyboard.type('优先');

    const chinese = '试点：流动妇女优先';
    await waitForText(zhang.page, chinese);
    await waitForText(lin.page, chinese);
    await waitForState(zhang.page, 'saved');
    await waitForState(lin.page, 'saved');
    const converged = await until(
      async () => [await editorText(zhang.page), await editorText(lin.page)],
      ([a, b]) => a === b,
      'both editors to show the same text',
    );
    expect(converged[0]).toContain(latin + during);
    expect(converged[0]).toContain(chinese);
    expect(converged[0]).not.toContain('liudong');
    expect(converged[0].match(/流动妇女/g)).toHaveLength(1);

    // the toolbar: a suggestion (建议条目) around 林晓燕's paragraph, and bold text
    await lin.page.getByTestId('toolbar-suggestion').click();
    await zhang.page.locator(`${EDITABLE} section.suggestion-block`).filter({ hasText: chinese }).waitFor({ timeout: WAIT });
    await zhang.page.keyboard.press('Control+End');
    await zhang.page.keyboard.type('重点');
    await zhang.page.keyboard.down('Shift');
    await zhang.page.keyboard.press('ArrowLeft');
    await zhang.page.keyboard.press('ArrowLeft');
    await zhang.page.keyboard.up('Shift');
    await zhang.page.getByTestId('toolbar-bold').click();
    await lin.page.locator(`${EDITABLE} strong`).filter({ hasText: '重点' }).waitFor({ timeout: WAIT });

    // 张洁 turns her last paragraph into a second suggestion, the last block of the text, and
    // types into it through the input method too (nothing may be inserted during the composition)
    await zhang.page.getByTestId('toolbar-suggestion').click();
    await zhang.page.keyboard.press('End');
    const zhangCdp = await zhang.context.newCDPSession(zhang.page);
    for (const pinyin of ['j', 'jiu', 'jiuye']) {
      await zhangCdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
    }
    await until(() => editorText(zhang.page), (text) => text.includes('重点jiuye'), 'the composition text');
    await zhangCdp.send('Input.insertText', { text: '就业' });
    await waitForText(lin.page, '重点就业');
    expect(await lin.page.locator(`${EDITABLE} section.suggestion-block`).count()).toBe(2);
    await waitForState(zhang.page, 'saved');
    await waitForState(lin.page, 'saved');
    const withSecond = await until(
      async () => [await editorText(zhang.page), await editorText(lin.page)],
      ([a, b]) => a === b,
      'both editors to show the same text',
    );
    expect(withSecond[0]).not.toContain('jiuye');
    expect(withSecond[0].match(/就业/g)).toHaveLength(1);

    if (process.env.EDITOR_SCREENSHOT) {
      await zhang.page.locator(EDITABLE).click({ position: { x: 40, y: 12 } });
      await lin.page.getByTestId('presence-user').filter({ hasText: ZHANG.name }).waitFor();
      await zhang.page.screenshot({ path: process.env.EDITOR_SCREENSHOT, fullPage: true });
    }

    // the server keeps the proposal's suggestions in step with the text
    await until(
      () => graphql(zhang.page, 'query($id: ID!) { proposal(id: $id) { suggestions { id title } } }', { id: proposalId }),
      (data) => data.proposal.suggestions.length === 2,
      'the suggestion row on the server',
    );

    // durable: after a reload the text is still there, as both saw it
    const before = await until(
      async () => [await editorText(zhang.page), await editorText(lin.page)],
      ([a, b]) => a === b,
      'both editors to show the same text',
    );
    await lin.page.reload();
    await lin.page.locator(EDITABLE).waitFor();
    await waitForState(lin.page, 'saved');
    await until(() => editorText(lin.page), (text) => text === before[0], 'the reloaded text');
    expect(await lin.page.locator(`${EDITABLE} section.suggestion-block`).count()).toBe(2);
  });

  it('keeps editing offline and syncs when the connection is back', async () => {
    const zhang = await personAt(ZHANG.email);
    const lin = await personAt(LIN.email);
    const proposalId = await draftWithCoauthor(zhang.page, '关于完善流动儿童校园社工服务的建议');

    await openEditor(zhang.page, proposalId);
    await openEditor(lin.page, proposalId);
    await waitForState(zhang.page, 'saved');
    await waitForState(lin.page, 'saved');

    await zhang.page.getByTestId('presence-user').filter({ hasText: LIN.name }).waitFor({ timeout: WAIT });
    await lin.context.setOffline(true);
    await waitForState(lin.page, 'offline');
    // the connection is really gone: the server has dropped her from the document
    await zhang.page.getByTestId('presence-user').filter({ hasText: LIN.name }).waitFor({ state: 'detached', timeout: WAIT });
    expect(await lin.page.getByTestId('connection-status').textContent()).toContain('离线');
    await lin.page.locator(EDITABLE).click();
    await lin.page.keyboard.press('Control+End');
    await lin.page.keyboard.press('Enter');
    await lin.page.keyboard.type('离线时写下的一句话');
    await waitForText(lin.page, '离线时写下的一句话');
    expect(await editorText(zhang.page)).not.toContain('离线时写下的一句话');

    await lin.context.setOffline(false);
    await waitForState(lin.page, 'saved');
    await waitForText(zhang.page, '离线时写下的一句话');
    await zhang.page.getByTestId('presence-user').filter({ hasText: LIN.name }).waitFor({ timeout: WAIT });
  });

  it('turns an open editor read-only when the proposal is submitted (the server decides)', async () => {
    const zhang = await personAt(ZHANG.email);
    const lin = await personAt(LIN.email);
    const proposalId = await draftWithCoauthor(zhang.page, '关于推广校园社工站的建议');
    await openEditor(lin.page, proposalId);
    await waitForState(lin.page, 'saved');
    await lin.page.getByTestId('editor-toolbar').waitFor();
    expect(await lin.page.locator(EDITABLE).getAttribute('contenteditable')).toBe('true');

    // a proposal is submitted with at least one suggestion: 林晓燕 writes it in the text
    await lin.page.locator(EDITABLE).click();
    await lin.page.getByTestId('toolbar-suggestion').click();
    await lin.page.keyboard.type('在流动儿童集中的学校推广设立校园社工站');
    await waitForState(lin.page, 'saved');
    await until(
      () => graphql(zhang.page, 'query($id: ID!) { proposal(id: $id) { suggestions { id } } }', { id: proposalId }),
      (data) => data.proposal.suggestions.length === 1,
      'the suggestion row on the server',
    );

    const transition = 'mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { status } }';
    await graphql(zhang.page, transition, { input: { proposalId, to: 'in_review' } });
    await graphql(zhang.page, transition, { input: { proposalId, to: 'submitted' } });

    // the page still thinks she may edit; the server reconnects her read-only
    await waitForState(lin.page, 'readonly');
    await lin.page.getByTestId('editor-toolbar').waitFor({ state: 'detached' });
    expect(await lin.page.locator(EDITABLE).getAttribute('contenteditable')).toBe('false');
    expect(await lin.page.getByTestId('connection-status').textContent()).toContain('只读');
  });

  it('locks the text for a co-author removed while she edits', async () => {
    const zhang = await personAt(ZHANG.email);
    const lin = await personAt(LIN.email);
    const proposalId = await draftWithCoauthor(zhang.page, '关于关爱留守儿童的建议');
    await openEditor(lin.page, proposalId);
    await waitForState(lin.page, 'saved');

    const { people } = await graphql(zhang.page, '{ people(search: "林晓燕") { id } }');
    await graphql(zhang.page, 'mutation($input: RemoveProposalMemberInput!) { removeProposalMember(input: $input) { id } }', {
      input: { proposalId, userId: people[0].id },
    });

    await lin.page.locator('[data-testid=connection-status][data-state=offline]').filter({ hasText: '无法访问' }).waitFor({ timeout: WAIT });
    await lin.page.getByTestId('editor-toolbar').waitFor({ state: 'detached' });
    expect(await lin.page.locator(EDITABLE).getAttribute('contenteditable')).toBe('false');
  });

  it('raised no errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
