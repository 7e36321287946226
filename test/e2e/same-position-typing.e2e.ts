import type { Page } from 'playwright-core';
import { connectCollab } from '../../api/src/test-support/collab-client';
import { useBrowserSessions } from '../support/browser-session';
import { until } from '../support/polling';

/**
 * Two co-authors type at the very same spot of the proposal body at once, 张洁 key by key and
 * 林晓燕 committing characters as an input method does, round after round. Whatever the
 * interleaving, each writer's own input stays in one piece, and both pages and the server agree.
 */

const EDITABLE = '[data-testid=proposal-editor] .ProseMirror';
const ROUNDS = 6;

describe('two writers typing at the same position (browser)', () => {
  const { server, personAt, graphql, pageErrors } = useBrowserSessions({ pageErrorsByPerson: true });

  function editorText(page: Page): Promise<string> {
    return page.locator(EDITABLE).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.pe-caret').forEach((caret) => caret.remove());
      return (copy.textContent ?? '').replace(/\u2060/g, '');
    });
  }

  async function typeKeys(page: Page, text: string): Promise<void> {
    for (const char of text) await page.keyboard.type(char, { delay: 15 });
  }

  /** Each character committed as an input method commits it (an input event with the text, no key). */
  async function commitThroughInputMethod(page: Page, text: string): Promise<void> {
    for (const char of text) await page.keyboard.insertText(char);
  }

  it('keeps each writer’s input contiguous, round after round, and converges', async () => {
    const zhang = await personAt('zhangjie@jianyan.demo');
    const lin = await personAt('linxiaoyan@jianyan.demo');
    const { organizations } = await graphql(zhang.page, '{ organizations { id code } }');
    const { createProposal } = await graphql(zhang.page, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于完善流动儿童校园社工服务的建议', year: 2026, districtId: organizations.find((o: { code: string }) => o.code === 'jinan').id },
    });
    const proposalId: string = createProposal.id;
    const { people } = await graphql(zhang.page, '{ people(search: "林晓燕") { id } }');
    await graphql(zhang.page, 'mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }', {
      input: { proposalId, userId: people[0].id, role: 'coauthor' },
    });

    for (const { page } of [zhang, lin]) {
      await page.goto(`${server.url}/proposals/${proposalId}/edit`);
      await page.locator(EDITABLE).waitFor();
      await page.locator('[data-testid=connection-status][data-state=saved]').waitFor({ timeout: 20_000 });
    }
    await zhang.page.locator(EDITABLE).click();
    await zhang.page.keyboard.type('开头：');
    await until(() => editorText(lin.page), (text) => text === '开头：', 'the first words on both pages');
    await lin.page.locator(EDITABLE).click();

    const written: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // both put the caret at the same spot, the end of the text, and type at once
      for (const { page } of [zhang, lin]) await page.keyboard.press('Control+End');
      const mine = `【甲${round}】`;
      const hers = `【乙${round}】`;
      written.push(mine, hers);
      await Promise.all([typeKeys(zhang.page, mine), commitThroughInputMethod(lin.page, hers)]);
      await until(
        async () => [await editorText(zhang.page), await editorText(lin.page)],
        ([a, b]) => a === b && a.includes(`甲${round}`) && a.includes(`乙${round}`),
        `round ${round} on both pages`,
      );
    }

    for (const { page } of [zhang, lin]) await page.locator('[data-testid=connection-status][data-state=saved]').waitFor({ timeout: 20_000 });
    const [shown] = await until(
      async () => [await editorText(zhang.page), await editorText(lin.page)],
      ([a, b]) => a === b,
      'both pages to show the same text',
    );
    for (const piece of written) expect(shown).toContain(piece);
    expect(shown.replace(/【[甲乙]\d】/g, '')).toBe('开头：');

    // the server stores exactly what both pages show
    const cookie = (await zhang.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const observer = connectCollab(server.url, proposalId, cookie);
    try {
      await observer.synced;
      expect(observer.json().content?.map((block) => (block.content ?? []).map((t) => t.text ?? '').join('')).join('')).toBe(shown);
    } finally {
      observer.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
