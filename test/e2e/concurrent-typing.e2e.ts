import type { Page } from 'playwright-core';
import { BODY_FIELD } from '@jianyan/shared';
import * as Y from 'yjs';
import { connectCollab } from '../../api/src/test-support/collab-client';
import { useBrowserSessions } from '../support/browser-session';
import { until } from '../support/polling';

/**
 * A remote insert at the very spot where 林晓燕 is typing, made concurrently with her last
 * character and ordered before it by Yjs: her caret stays after her own character (where Yjs
 * puts it), so her next keystroke continues her text instead of landing before her last one.
 * The concurrency is made certain: her page is offline while both write, and the other writer's
 * Yjs client has the lowest client id, which Yjs orders first among concurrent inserts.
 */

const EDITABLE = '[data-testid=proposal-editor] .ProseMirror';

describe('a remote insert at the caret (browser)', () => {
  const { server, personAt, graphql, pageErrors } = useBrowserSessions({ pageErrorsByPerson: true });

  function editorText(page: Page): Promise<string> {
    return page.locator(EDITABLE).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.pe-caret').forEach((caret) => caret.remove());
      return (copy.textContent ?? '').replace(/\u2060/g, '');
    });
  }

  function saved(page: Page): Promise<void> {
    return page.locator('[data-testid=connection-status][data-state=saved]').waitFor({ timeout: 20_000 });
  }

  it('keeps the caret after the writer’s own last character', async () => {
    const { context, page } = await personAt('linxiaoyan@jianyan.demo');
    const { organizations } = await graphql(page, '{ organizations { id code } }');
    const { createProposal } = await graphql(page, 'mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }', {
      input: { title: '关于完善流动儿童校园社工服务的建议', year: 2026, districtId: organizations.find((o: { code: string }) => o.code === 'jinan').id },
    });
    const proposalId: string = createProposal.id;
    await page.goto(`${server.url}/proposals/${proposalId}/edit`);
    await page.locator(EDITABLE).waitFor();
    await saved(page);
    await page.locator(EDITABLE).click();
    await page.keyboard.type('开头');
    await saved(page);

    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const other = connectCollab(server.url, proposalId, cookie);
    try {
      await other.synced;

      await context.setOffline(true);
      await page.locator('[data-testid=connection-status][data-state=offline]').waitFor();
      await page.keyboard.type('【');
      // written in a Yjs document of client id 1, then sent through the other writer's connection
      const writer = new Y.Doc();
      writer.clientID = 1;
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(other.doc));
      const text = (writer.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length, '【');
      Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(other.doc)));
      await other.saved();

      await context.setOffline(false);
      await until(() => editorText(page), (shown) => shown === '开头【【', 'the other writer’s bracket');
      await page.keyboard.type('甲');
      await until(() => editorText(page), (shown) => shown.includes('甲'), 'her next character');
      expect(await editorText(page)).toBe('开头【【甲');
      await saved(page);
    } finally {
      other.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
