import { readFileSync } from 'node:fs';
import { useBrowserSessions } from '../support/browser-session';

/**
 * The leaders' dashboard on the demo data (../../../shared/context/DOMAIN.md, step 5): 黄丽 (leader)
 * finds 领导看板 in the navigation, sees the story's adoption by the Jin'an program with the evidence
 * behind it, the numbers of each chart in the table beside it, and downloads the CSV; 刘思远
 * (researcher) has no entry and is refused the page. Screenshot: /tmp/dashboard.png.
 */

const HUANG = 'huangli@jianyan.demo';
const LIU = 'liusiyuan@jianyan.demo';
const STORY_TITLE_START = '关于加大政府购买服务力度';
const TRAINING_TITLE_START = '“三社联动”项目免费职业技能培训';
const JINAN_PROGRAM = '福州市晋安区妇女发展纲要（2021—2030年）';

describe('leaders’ dashboard (browser)', () => {
  const { server, as, pageErrors } = useBrowserSessions({ contextOptions: { acceptDownloads: true } });

  it('shows a leader the story’s adoption with its evidence chain, tables beside the charts, and a CSV', async () => {
    const page = await as(HUANG);
    await page.getByTestId('nav-dashboard').filter({ hasText: '领导看板' }).click();
    await page.waitForURL(/\/dashboard$/);

    const adoption = page.getByTestId('dashboard-adoption').filter({ hasText: STORY_TITLE_START });
    await adoption.waitFor();
    expect(await adoption.getByTestId('dashboard-chain-evidence').filter({ hasText: TRAINING_TITLE_START }).count()).toBe(1);
    expect(await adoption.getByTestId('dashboard-chain-clause').first().textContent()).toContain(JINAN_PROGRAM);

    // the totals and the tables say the same as the API
    const response = await page.request.post(`${server.url}/graphql`, {
      data: { query: '{ dashboard { totals { submittedSuggestions adoptedSuggestions } byDistrict { label submitted adopted } } }' },
    });
    const { dashboard } = (await response.json()).data;
    expect(await page.getByTestId('dashboard-total-submitted').getAttribute('data-value')).toBe(String(dashboard.totals.submittedSuggestions));
    expect(await page.getByTestId('dashboard-total-adopted').getAttribute('data-value')).toBe(String(dashboard.totals.adoptedSuggestions));
    const districtRows = await page.getByTestId('dashboard-table-district').locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children).slice(0, 3).map((cell) => cell.textContent)),
    );
    expect(districtRows).toEqual(dashboard.byDistrict.map((r: { label: string; submitted: number; adopted: number }) => [r.label, String(r.submitted), String(r.adopted)]));
    // ECharts drew the chart beside the table (SVG), hidden from screen readers
    await page.getByTestId('dashboard-chart-district').locator('svg').first().waitFor();
    expect(await page.getByTestId('dashboard-chart-district').getAttribute('aria-hidden')).toBe('true');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-download-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^领导看板-全部-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(TRAINING_TITLE_START);

    // the evidence link leads to the record
    await adoption.getByTestId('dashboard-chain-evidence').filter({ hasText: TRAINING_TITLE_START }).click();
    await page.waitForURL(/\/evidence\/[0-9a-f-]{36}$/);
    await page.goBack();
    await adoption.waitFor();
    if (process.env.DASHBOARD_SCREENSHOT !== 'off') await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });

    // the clause link opens the program scrolled to that clause
    const clauseLink = adoption.getByTestId('dashboard-chain-clause').first();
    const clauseId = await clauseLink.getAttribute('data-clause-id');
    await clauseLink.click();
    await page.waitForURL((url) => url.hash === `#clause-${clauseId}`);
    const target = page.locator(`[id="clause-${clauseId}"]`);
    await target.waitFor();
    await page.waitForFunction((id) => {
      const rect = document.getElementById(id)?.getBoundingClientRect();
      return !!rect && rect.top >= 0 && rect.bottom <= window.innerHeight;
    }, `clause-${clauseId}`);
    expect(await target.getAttribute('data-clause-id')).toBe(clauseId);
    expect(pageErrors).toEqual([]);
  });

  it('has no entry for a researcher, who is refused the page', async () => {
    const page = await as(LIU);
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('no-permission').waitFor();
    expect(await page.getByTestId('dashboard-total-submitted').count()).toBe(0);
  });
});
