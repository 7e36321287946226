import { useBrowserSessions } from '../support/browser-session';

/**
 * Editing an evidence record in the browser: the form's error summary, a sensitivity change that
 * asks for a reason, and two editors of one record (the second save meets the first: load the
 * latest version, or overwrite it).
 */

describe('editing evidence (browser)', () => {
  const { server, as, pageErrors } = useBrowserSessions();
  const CHEN = 'chenfang@jianyan.demo';

  it('creates, validates, edits with a sensitivity change, and resolves a conflict both ways', async () => {
    const a = await as(CHEN);
    await a.goto(`${server.url}/evidence/new`);
    // validation: empty form → summary, focus on first invalid field
    await a.getByTestId('evidence-save').click();
    await a.getByText(/处需要修改/).waitFor();
    expect(await a.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('evidence-title-input');
    await a.getByTestId('evidence-title-input').fill('社工陪同补办证件记录');
    await a.getByTestId('evidence-source-type-select').selectOption('case_note');
    await a.getByTestId('evidence-date-from-input').fill('2024-05-10');
    await a.getByTestId('evidence-district-select').selectOption({ label: '晋安区妇联' });
    await a.getByTestId('evidence-narrative-input').fill('社工陪同张三到派出所。');
    await a.getByTestId('evidence-save').click();
    await a.getByTestId('evidence-detail-title').filter({ hasText: '社工陪同补办证件记录' }).waitFor();
    await a.getByText('已保存为草稿').waitFor();
    const id = a.url().split('/').pop()!;

    // edit: record breadcrumb, sensitivity change shows the reason field, save
    await a.getByTestId('evidence-edit').click();
    await a.locator('nav.breadcrumb a', { hasText: '社工陪同补办证件记录' }).waitFor();
    expect(await a.getByLabel('更改原因').count()).toBe(0);
    await a.getByTestId('evidence-sensitivity-select').selectOption('internal');
    await a.getByLabel('更改原因').fill('涉及个人经历，仅限内部使用');
    await a.getByTestId('evidence-title-input').fill('社工陪同补办证件记录（改）');
    await a.getByTestId('evidence-save').click();
    await a.getByTestId('evidence-detail-title').filter({ hasText: '社工陪同补办证件记录（改）' }).waitFor();
    await a.getByText('已保存修改。').waitFor();

    // conflict: B saves between A's load and A's save
    const b = await as(CHEN);
    await a.goto(`${server.url}/evidence/${id}/edit`);
    await b.goto(`${server.url}/evidence/${id}/edit`);
    await b.getByTestId('evidence-title-input').waitFor();
    expect(await b.getByTestId('evidence-sensitivity-select').inputValue()).toBe('internal');
    await b.getByTestId('evidence-title-input').fill('B 的标题');
    await b.getByTestId('evidence-save').click();
    await b.getByTestId('evidence-detail-title').filter({ hasText: 'B 的标题' }).waitFor();
    await a.getByTestId('evidence-title-input').fill('A 的标题');
    await a.getByTestId('evidence-save').click();
    await a.getByText(/其他人修改了这条证据/).waitFor();
    await a.getByRole('button', { name: '放弃我的修改，载入最新内容' }).click();
    expect(await a.getByTestId('evidence-title-input').inputValue()).toBe('B 的标题');
    expect(await a.getByText(/其他人修改了这条证据/).count()).toBe(0);

    await b.goto(`${server.url}/evidence/${id}/edit`);
    await b.getByTestId('evidence-title-input').fill('B 的第二个标题');
    await b.getByTestId('evidence-save').click();
    await b.getByTestId('evidence-detail-title').filter({ hasText: 'B 的第二个标题' }).waitFor();
    await a.getByTestId('evidence-title-input').fill('A 的标题');
    await a.getByTestId('evidence-save').click();
    await a.getByRole('button', { name: '用我的修改覆盖' }).click();
    await a.getByTestId('evidence-detail-title').filter({ hasText: 'A 的标题' }).waitFor();

    // the saved record, and an unknown record
    await a.getByTestId('evidence-mark-name').waitFor();
    await a.getByText('基本信息').first().waitFor();
    await a.goto(`${server.url}/evidence/00000000-0000-4000-8000-000000000000/edit`);
    await a.getByRole('heading', { name: '找不到这条证据' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
