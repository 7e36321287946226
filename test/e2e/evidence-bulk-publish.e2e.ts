import type { Page } from 'playwright-core';
import { useBrowserSessions } from '../support/browser-session';
import { fullShot } from '../support/screenshots';

/**
 * Importing evidence and publishing the imported drafts at once, in the browser:
 *   1. 陈芳 imports a CSV of three drafts (Chinese text, consent columns) on /evidence/import and
 *      publishes them with "发布这 3 条";
 *   2. she imports two more, filters the library to drafts ("批量发布草稿"), ticks them and
 *      publishes them with "发布所选（2 条）".
 * Screenshots: /tmp/evidence-bulk-import.png, /tmp/evidence-bulk-library.png.
 */

const CHEN = 'chenfang@jianyan.demo';
const TAG = '批量发布测试';
const LIST = `query($filter: EvidenceFilter) { evidenceList(first: 50, filter: $filter) { nodes { id title status } } }`;
const COMMIT = `mutation($file: String!, $format: EvidenceImportFormat!) { commitEvidenceImport(file: $file, format: $format) { evidence { id } } }`;

const HEADER = '标题,案例叙述,日期,区县,人群,主题,来源类型,敏感级别,涉及可识别个人,已取得知情同意,同意取得人,同意日期,状态';
const row = (title: string, theme: string) => `${title},"她说：""培训很有用。""",2023-05-01,晋安区,流动妇女,${theme},服务记录,内部,是,是,陈芳,2023-05-01,草稿`;
const csv = (titles: string[], theme: string) => `\ufeff${[HEADER, ...titles.map((t) => row(t, theme))].join('\r\n')}\r\n`;

describe('bulk publish of imported evidence drafts (browser)', () => {
  const { server, as, graphql, pageErrors } = useBrowserSessions();

  const statuses = async (page: Page, theme: string) =>
    ((await graphql(page, LIST, { filter: { theme } })).evidenceList.nodes as { title: string; status: string }[])
      .map((n) => `${n.title}:${n.status}`)
      .sort();

  it('陈芳 imports a CSV and publishes the three imported drafts at once', async () => {
    const chen = await as(CHEN);
    const titles = ['流动妇女技能培训回访一', '流动妇女技能培训回访二', '流动妇女技能培训回访三'];
    await chen.goto(`${server.url}/evidence/import`);
    await chen.getByTestId('import-file-input').setInputFiles({ name: '证据.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(titles, TAG)) });
    await chen.locator('.import-summary[data-row-count="3"][data-valid-count="3"]').waitFor();
    await chen.getByTestId('import-commit').click();
    const publish = chen.getByTestId('bulk-publish-imported');
    await publish.filter({ hasText: '发布这 3 条' }).waitFor();
    expect(await statuses(chen, TAG)).toEqual(titles.map((t) => `${t}:draft`).sort());

    await publish.click();
    await chen.getByText('已发布 3 条证据。').waitFor();
    await publish.waitFor({ state: 'detached' });
    await fullShot(chen, '/tmp/evidence-bulk-import.png');
    expect(await statuses(chen, TAG)).toEqual(titles.map((t) => `${t}:published`).sort());
  });

  it('陈芳 filters the library to drafts, ticks two imported drafts and publishes them', async () => {
    const chen = await as(CHEN);
    const theme = `${TAG}二`;
    const file = Buffer.from(csv(['社区托育需求记录甲', '社区托育需求记录乙'], theme)).toString('base64');
    const ids = ((await graphql(chen, COMMIT, { file, format: 'CSV' })).commitEvidenceImport.evidence as { id: string }[]).map((e) => e.id);
    await chen.goto(`${server.url}/evidence`);
    await chen.getByTestId('evidence-list').waitFor();
    await chen.getByTestId('bulk-publish-drafts').click();
    await chen.waitForURL((url) => url.searchParams.get('status') === 'draft');
    for (const id of ids) {
      const box = chen.locator(`[data-testid="evidence-row"][data-evidence-id="${id}"]`).getByTestId('bulk-publish-select');
      await box.check();
    }
    const publish = chen.getByTestId('bulk-publish-selected');
    await publish.filter({ hasText: '发布所选（2 条）' }).waitFor();
    await fullShot(chen, '/tmp/evidence-bulk-library.png');
    await publish.click();
    await chen.getByText('已发布 2 条证据。').waitFor();
    expect(await statuses(chen, theme)).toEqual(['社区托育需求记录乙:published', '社区托育需求记录甲:published']);
    // the list is of drafts: the published ones leave it
    for (const id of ids) await chen.locator(`[data-testid="evidence-row"][data-evidence-id="${id}"]`).waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
