import type { Page } from 'playwright-core';
import { apiSession } from '../support/api-session';
import { useBrowserSessions } from '../support/browser-session';
import { until } from '../support/polling';

/**
 * Following and notifications in the browser, on the demo data:
 *   1. 张洁 owns a proposal in review with 林晓燕 as co-author (set up over the API); 林晓燕 follows it
 *      as a member (the proposal page shows “已关注”);
 *   2. with 林晓燕's app open, 张洁 submits the proposal in her own browser: 林晓燕's bell count goes
 *      up without a reload (graphql-ws subscription; the bell polls only every two minutes), and
 *      the proposal page she has open shows 已提交;
 *   3. 林晓燕 opens the bell, sees “…已提交”, goes to all notifications, marks it read: it shows read
 *      and the count goes back down; she switches her e-mail to the daily digest.
 * Screenshots: /tmp/notifications-bell.png, /tmp/notifications-page.png.
 */

const ZHANG = 'zhangjie@jianyan.demo';
const LIN = 'linxiaoyan@jianyan.demo';
const TITLE = '关于为流动妇女开设夜间技能培训班的建议';

describe('notifications: the bell counts up live (browser)', () => {
  const { server, as, pageErrors } = useBrowserSessions();

  const unread = (page: Page) => page.getByTestId('notification-bell').getAttribute('data-unread').then(Number);

  it('林晓燕 sees the bell count go up when 张洁 submits their proposal, opens it and marks it read', async () => {
    // ---- the scene: a proposal in review, 林晓燕 co-author
    const zhangApi = await apiSession(server.url, ZHANG);
    const linId = (await (await apiSession(server.url, LIN))('{ me { id } }')).me.id;
    const { organizations } = await zhangApi('{ organizations { id code } }');
    const jinan = organizations.find((o: { code: string }) => o.code === 'jinan').id;
    const { createProposal } = await zhangApi(`mutation($input: CreateProposalInput!) { createProposal(input: $input) { id } }`, {
      input: { title: TITLE, year: 2026, districtId: jinan },
    });
    const id = createProposal.id;
    await zhangApi(`mutation($input: ProposalMemberInput!) { addProposalMember(input: $input) { id } }`, {
      input: { proposalId: id, userId: linId, role: 'coauthor' },
    });
    await zhangApi(`mutation($input: AddSuggestionInput!) { addSuggestion(input: $input) { id } }`, {
      input: { proposalId: id, title: '在社区开设夜间技能培训班', text: '方便白天务工的流动妇女参加。' },
    });
    await zhangApi(`mutation($input: TransitionProposalInput!) { transitionProposal(input: $input) { id } }`, {
      input: { proposalId: id, to: 'in_review' },
    });

    // ---- 林晓燕 follows it as a member
    const lin = await as(LIN);
    await lin.goto(`${server.url}/proposals/${id}`);
    const follow = lin.locator('[data-testid="follow-button"][data-target-type="proposal"]');
    await follow.waitFor();
    expect(await follow.getAttribute('aria-pressed')).toBe('true');
    expect(await follow.textContent()).toBe('已关注');
    // members follow the proposal, not each suggestion: she follows the suggestion by hand
    const followSuggestion = lin.locator('[data-testid="follow-button"][data-target-type="suggestion"]');
    await followSuggestion.waitFor();
    expect(await followSuggestion.getAttribute('aria-pressed')).toBe('false');
    await followSuggestion.click();
    await until(() => followSuggestion.getAttribute('aria-pressed'), (pressed) => pressed === 'true', 'the suggestion to show as followed');
    await lin.getByTestId('notification-bell').waitFor();
    const before = await unread(lin);

    // ---- 张洁 submits in her browser; 林晓燕's bell counts up without a reload
    const zhang = await as(ZHANG);
    await zhang.goto(`${server.url}/proposals/${id}`);
    await zhang.getByTestId('transition-submitted').click();
    await zhang.getByRole('dialog').getByTestId('confirm-dialog-confirm').click();
    await zhang.locator('[data-testid="proposal-status"]', { hasText: '已提交' }).waitFor();
    await lin.locator(`[data-testid="notification-bell"][data-unread="${before + 1}"]`).waitFor({ timeout: 15_000 });
    expect(await lin.getByTestId('notification-count').textContent()).toBe(String(before + 1));
    // the proposal page she has open shows the new status too
    await lin.locator('[data-testid="proposal-status"]', { hasText: '已提交' }).waitFor();

    // ---- the dropdown shows what happened
    await lin.getByTestId('notification-bell').click();
    const menu = lin.getByTestId('notification-menu');
    const item = menu.locator('[data-testid="notification-item"][data-read="false"]', { hasText: TITLE }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain('审阅中 → 已提交');
    expect(await item.textContent()).toContain('张洁');
    await lin.screenshot({ path: '/tmp/notifications-bell.png' });

    // ---- all notifications: mark it read
    await menu.getByTestId('notification-see-all').click();
    await lin.waitForURL(`${server.url}/notifications`);
    const listed = lin.locator('[data-testid="notification-list"] [data-testid="notification-item"]', { hasText: TITLE }).first();
    await listed.waitFor();
    expect(await listed.getAttribute('data-read')).toBe('false');
    await listed.getByTestId('notification-mark-read').click();
    await lin.locator('[data-testid="notification-list"] [data-testid="notification-item"][data-read="true"]', { hasText: TITLE }).first().waitFor();
    await lin.locator(`[data-testid="notification-bell"][data-unread="${before}"]`).waitFor();

    // ---- e-mail preference
    await lin.getByTestId('notification-email-daily_digest').check();
    await lin.getByText('已保存邮件通知设置。').waitFor();
    await lin.screenshot({ path: '/tmp/notifications-page.png', fullPage: true });
    await lin.reload();
    await lin.getByTestId('notification-email-daily_digest').waitFor();
    expect(await lin.getByTestId('notification-email-daily_digest').isChecked()).toBe(true);

    // ---- the link opens the proposal
    await lin.locator('[data-testid="notification-item"]', { hasText: TITLE }).first().getByRole('link').click();
    await lin.waitForURL(`${server.url}/proposals/${id}`);
    expect(pageErrors).toEqual([]);
  });
});
