import type { Page } from 'playwright-core';
import { connectCollab } from '../../api/src/test-support/collab-client';
import { useBrowserSessions } from '../support/browser-session';
import { until } from '../support/polling';

/**
 * The body's size limit in the browser, with the product started at 64 KB
 * (COLLAB_MAX_DOCUMENT_BYTES=65536): a paste that would pass it is refused in the editor before it
 * reaches the document, with a message in Chinese and in English; when the editor let it through
 * anyway (its idea of the limit was wrong) the server refuses it, and the editor says so, does not
 * send it again, and shows the text the server stores. Typing goes on and is saved in both cases.
 */

const MAX_BYTES = 65_536;
const EDITABLE = '[data-testid=proposal-editor] .ProseMirror';
const REFUSAL = '[data-testid=editor-size-refusal]';
/** ~90 KB of UTF-8 in 30 paragraphs: past the limit on its own. */
const HUGE_TEXT = Array.from({ length: 30 }, (_, i) => `第${i + 1}段：${'流动儿童校园社工服务'.repeat(100)}`).join('\n');

describe('the body size limit in the editor (browser)', () => {
  const { server, personAt, graphql, pageErrors } = useBrowserSessions({
    env: { COLLAB_MAX_DOCUMENT_BYTES: String(MAX_BYTES) },
    pageErrorsByPerson: true,
  });

  async function newDraft(page: Page, title: string): Promise<string> {
    const { organizations } = await graphql(page, '{ organizations { id code } }');
    const { createProposal } = await graphql(page, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title, year: 2026, districtId: organizations.find((o: { code: string }) => o.code === 'jinan').id },
    });
    return createProposal.id;
  }

  function editorText(page: Page): Promise<string> {
    return page.locator(EDITABLE).evaluate((element) => (element.textContent ?? '').replace(/\u2060/g, ''));
  }

  function saved(page: Page): Promise<void> {
    return page.locator('[data-testid=connection-status][data-state=saved]').waitFor({ timeout: 20_000 });
  }

  /** Pastes plain text at the caret, as the browser does for Ctrl+V. */
  async function paste(page: Page, text: string): Promise<void> {
    await page.locator(EDITABLE).evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  async function openAndType(page: Page, proposalId: string, text: string): Promise<void> {
    await page.goto(`${server.url}/proposals/${proposalId}/edit`);
    await page.locator(EDITABLE).waitFor();
    await saved(page);
    await page.locator(EDITABLE).click();
    await page.keyboard.type(text);
    await until(() => editorText(page), (shown) => shown === text, 'the first words');
    await saved(page);
  }

  /** The body text as the server stores it, read by a Yjs client of its own. */
  async function storedText(page: Page, proposalId: string): Promise<string> {
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const observer = connectCollab(server.url, proposalId, cookie);
    try {
      await observer.synced;
      return (observer.json().content ?? []).map((block) => (block.content ?? []).map((t) => t.text ?? '').join('')).join('\n');
    } finally {
      observer.close();
    }
  }

  /** Counts the WebSocket messages of `page` that carry at least `bytes` (the refused update). */
  function countLargeFrames(page: Page, bytes: number): () => number {
    let count = 0;
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        if (Buffer.byteLength(payload) >= bytes) count++;
      }),
    );
    return () => count;
  }

  it('refuses a paste past the limit before it is sent, in Chinese and in English, and typing goes on', async () => {
    const { page } = await personAt('zhangjie@jianyan.demo');
    const largeFrames = countLargeFrames(page, MAX_BYTES / 2);
    const proposalId = await newDraft(page, '关于完善流动儿童校园社工服务的建议');
    await openAndType(page, proposalId, '开头');

    await paste(page, HUGE_TEXT);
    await page.locator(REFUSAL).filter({ hasText: '正文超过 64 KB 的上限，这次修改没有保存。' }).waitFor();
    expect(await editorText(page)).toBe('开头');
    await page.keyboard.type('继续');
    await until(() => editorText(page), (shown) => shown === '开头继续', 'typing after the refusal');
    await saved(page);

    await page.getByTestId('language-switch').click();
    await page.locator(REFUSAL).filter({ hasText: 'The document is over the 64 KB limit: this change was not saved.' }).waitFor();
    await page.locator(EDITABLE).click();
    await page.keyboard.press('Control+End');
    await paste(page, HUGE_TEXT);
    await page.locator(REFUSAL).filter({ hasText: '64 KB limit' }).waitFor();
    await page.keyboard.type('ok');
    await until(() => editorText(page), (shown) => shown === '开头继续ok', 'typing after the second refusal');
    await saved(page);

    expect(largeFrames()).toBe(0);
    expect(await storedText(page, proposalId)).toBe('开头继续ok');
    expect(pageErrors).toEqual([]);
  });

  it('when the server refuses a change, says so, does not send it again and shows the stored text', async () => {
    const { page } = await personAt('linxiaoyan@jianyan.demo');
    // the editor believes in a far larger limit than the server's (a stale or wrong answer)
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('ProposalBodyLimit')) return route.continue();
      const response = await route.fetch();
      const body = await response.json();
      if (body.data?.proposal) body.data.proposal.bodyMaxBytes = 100 * MAX_BYTES;
      return route.fulfill({ response, json: body });
    });
    const largeFrames = countLargeFrames(page, MAX_BYTES / 2);
    const proposalId = await newDraft(page, '关于设立妇女儿童维权服务站的建议');
    await openAndType(page, proposalId, '开头');

    await paste(page, HUGE_TEXT);
    await page.locator(REFUSAL).filter({ hasText: '正文超过 64 KB 的上限，这次修改没有保存。正文已按服务器保存的内容重新载入。' }).waitFor();
    await until(() => editorText(page), (shown) => shown === '开头', 'the stored text shown again');
    await saved(page);
    expect(largeFrames()).toBe(1);

    // the limit the server named holds from now on: the same paste is refused in the editor
    await page.locator(EDITABLE).click();
    await page.keyboard.press('Control+End');
    await paste(page, HUGE_TEXT);
    await page.locator(REFUSAL).filter({ hasText: '正文超过 64 KB 的上限，这次修改没有保存。' }).filter({ hasNotText: '重新载入' }).waitFor();
    await page.keyboard.type('继续');
    await until(() => editorText(page), (shown) => shown === '开头继续', 'typing after the reload');
    await saved(page);

    expect(largeFrames()).toBe(1);
    expect(await storedText(page, proposalId)).toBe('开头继续');
    expect(pageErrors).toEqual([]);
  });
});
