import type { Page } from 'playwright-core';
import { useBrowserSessions } from '../support/browser-session';
import { fullShot } from '../support/screenshots';

/**
 * 检索 /search in the browser, on the demo data (api/src/seed):
 *   1. the researcher 刘思远 searches evidence for 培训 (typed as an input method would insert it)
 *      and finds the 三社联动 training record, the word marked in its excerpt; she filters by a
 *      district facet and the count follows; the state is in the address and survives a reload;
 *   2. she types 流失 through an IME composition (CDP Input.imeSetComposition, then insertText):
 *      no search runs while composing, and the school social-work station record (流失率) is found;
 *   3. a word only found in a restricted case narrative finds nothing for her (no hit, no count),
 *      while 张洁, granted access by its contributor, finds it with the same word;
 *   4. the member 张洁 searches proposals and finds the story's proposal, then links the training
 *      record to it from an evidence hit (success, then "already linked" on a second try);
 *   5. she searches the program clauses for 购买服务, finds the Jin'an clause (words marked, program
 *      named, facets by program and kind, no "link" action) and follows it to its place on the program page.
 * Screenshots: /tmp/search-evidence.png, /tmp/search-empty.png, /tmp/search-proposals.png,
 * /tmp/search-link-dialog.png, /tmp/search-clauses.png.
 */

const LIU = 'liusiyuan@jianyan.demo';
const ZHANG = 'zhangjie@jianyan.demo';

const TRAINING_TITLE = '“三社联动”项目免费职业技能培训：家政、美容、电工、推拿';
const STATION_TITLE = '福建省首个校园社工站在流动儿童学校设立';
const RESTRICTED_TITLE = '个案：流动母亲打零工、收入不稳定';
/** Only in the narrative of the restricted case above (api/src/seed/evidence-demo.ts). */
const RESTRICTED_WORD = '小作坊';
const PROPOSAL_TITLE_START = '关于加大政府购买服务力度';
/** The Jin'an program and its clause that took up the story's suggestion (api/src/seed/programs-demo*.ts). */
const JINAN_PROGRAM = '福州市晋安区妇女发展纲要（2021—2030年）';
const JINAN_CLAUSE_WORDS = '边缘困境流动妇女';

/** The debounce of the search box (web/src/search/SearchBox.tsx). */
const DEBOUNCE_MS = 250;

describe('search: words and facets under clearance (browser)', () => {
  const { server, personAt, pageErrors } = useBrowserSessions();

  /** A fresh browser profile signed in as `email`, with the words of every search request it sends. */
  async function as(email: string): Promise<{ page: Page; searches: string[] }> {
    const searches: string[] = [];
    const { page } = await personAt(email, (page) =>
      page.on('request', (request) => {
        if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
        const body = request.postDataJSON() as { operationName?: string; variables?: { input?: { text?: string } } } | null;
        if (body?.operationName === 'Search') searches.push(body.variables?.input?.text ?? '');
      }),
    );
    return { page, searches };
  }

  /** Replaces the words in the search box the way an input method commits text, and waits for the search of them. */
  async function searchFor(page: Page, words: string): Promise<void> {
    const input = page.getByTestId('search-input');
    await input.fill('');
    await input.focus();
    await page.keyboard.insertText(words);
    await waitForResults(page, words);
  }

  /** Waits until the address holds `words` and the results shown are those of that search. */
  async function waitForResults(page: Page, words: string): Promise<void> {
    await page.waitForURL((url) => url.pathname === '/search' && (url.searchParams.get('q') ?? '') === words);
    await page.locator('[data-testid="search-total"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('.search-updating') && !document.querySelector('[aria-busy="true"]'));
  }

  const hit = (page: Page, title: string) => page.getByTestId('search-hit').filter({ has: page.getByTestId('search-hit-title').getByText(title, { exact: true }) });
  const total = async (page: Page) => Number(await page.getByTestId('search-total').getAttribute('data-total'));

  it('刘思远 finds the training record by 培训, with the word marked, and narrows it by district', async () => {
    const { page } = await as(LIU);
    await page.getByTestId('nav-search').click();
    await page.waitForURL((url) => url.pathname === '/search');
    expect(await page.getByTestId('nav-search').textContent()).toBe('检索');
    // the scope button follows the URL on the next render
    await page.locator('[data-testid="search-index-evidence"][aria-pressed="true"]').waitFor();
    // The search box is labelled, the results a list, the facets fieldsets with legends.
    await page.getByLabel('检索词').waitFor();

    await searchFor(page, '培训');
    const training = hit(page, TRAINING_TITLE);
    await training.waitFor();
    const snippet = await training.getByTestId('search-snippet').innerHTML();
    expect(snippet).toContain('<mark>培训</mark>');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toContain('<');
    expect(await training.locator('[data-sensitivity]').getAttribute('data-sensitivity')).toBe('public');
    expect(await training.textContent()).toContain('服务记录');
    expect(await training.textContent()).toContain('晋安区妇联');
    expect(await training.getByTestId('search-link-proposal').count()).toBe(0); // researchers do not author proposals
    // Nothing restricted reaches her.
    expect(await page.locator('[data-testid="search-hit"] [data-sensitivity="restricted"]').count()).toBe(0);
    expect(await page.getByRole('list', { name: '检索结果' }).count()).toBe(1);
    const before = await total(page);
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('search-total').textContent()).toMatch(/找到 \d+ 条结果/);

    // Filter by the district facet: the count follows the facet's count.
    const districtFacet = page.getByTestId('search-facet-district');
    expect(await districtFacet.locator('legend').textContent()).toBe('区县');
    const jinan = districtFacet.getByTestId('search-facet-value').filter({ hasText: '晋安区妇联' });
    const expected = Number(await jinan.getAttribute('data-count'));
    expect(expected).toBeGreaterThan(0);
    const districtId = await jinan.getAttribute('data-value');
    // a click, not check(): the box follows the URL, which updates a moment after the click
    await jinan.locator('input[type="checkbox"]').click();
    await page.waitForURL((url) => url.searchParams.getAll('district').includes(districtId!));
    await waitForResults(page, '培训');
    expect(await total(page)).toBe(expected);
    expect(await jinan.locator('input').isChecked()).toBe(true);
    await hit(page, TRAINING_TITLE).waitFor();
    // The other facets count within the filter.
    const sourceCounts = await page.getByTestId('search-facet-sourceType').getByTestId('search-facet-value').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-count'))));
    expect(sourceCounts.reduce((a, b) => a + b, 0)).toBe(expected);
    await page.mouse.move(0, 0);
    await fullShot(page, '/tmp/search-evidence.png');

    // The state lives in the address: a reload (or a shared link) shows the same search.
    await page.reload();
    await waitForResults(page, '培训');
    expect(await page.getByTestId('search-input').inputValue()).toBe('培训');
    expect(await page.getByTestId('search-facet-district').locator(`[data-value="${districtId}"] input`).isChecked()).toBe(true);
    expect(await total(page)).toBe(expected);

    // Clear the filters: back to every district.
    await page.getByTestId('search-facets-clear').click();
    await page.waitForURL((url) => url.searchParams.getAll('district').length === 0);
    await waitForResults(page, '培训');
    expect(await total(page)).toBe(before);
  });

  it('刘思远 types 流失 through an input method: nothing is searched while composing, and 流失率 is found', async () => {
    const { page, searches } = await as(LIU);
    await page.goto(`${server.url}/search?index=evidence`);
    await page.getByTestId('search-total').waitFor();
    const input = page.getByTestId('search-input');
    await input.focus();
    await page.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
      box.addEventListener('compositionstart', () => ((window as unknown as { composingSince: number }).composingSince = performance.now()));
    });
    const sentBefore = searches.length;

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'liu', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.imeSetComposition', { text: 'liushi', selectionStart: 6, selectionEnd: 6 });
    expect(await input.inputValue()).toBe('liushi');
    // Hold the composition open well past the debounce: a search of the pinyin would have gone out by then.
    await page.waitForFunction((ms) => performance.now() - (window as unknown as { composingSince: number }).composingSince > ms, DEBOUNCE_MS * 3);
    expect(searches.slice(sentBefore)).toEqual([]);

    await cdp.send('Input.insertText', { text: '流失' });
    await waitForResults(page, '流失');
    expect(await input.inputValue()).toBe('流失');
    expect(searches.slice(sentBefore)).toEqual(['流失']);

    const station = hit(page, STATION_TITLE);
    await station.waitFor();
    const snippet = await station.getByTestId('search-snippet').innerHTML();
    expect(snippet).toContain('<mark>流失</mark>率');
    expect(await station.locator('[data-sensitivity]').getAttribute('data-sensitivity')).toBe('internal');
  });

  it('a word of a restricted case narrative finds nothing for 刘思远, and finds it for 张洁 who was granted access', async () => {
    const { page } = await as(LIU);
    await page.getByTestId('nav-search').click();
    await searchFor(page, RESTRICTED_WORD);
    await page.getByTestId('search-empty').waitFor();
    expect(await total(page)).toBe(0);
    expect(await page.getByTestId('search-hit').count()).toBe(0);
    // No facet counts betray it either.
    expect(await page.getByTestId('search-facet-value').count()).toBe(0);
    expect(await page.getByTestId('search-empty').textContent()).toContain(`没有找到与“${RESTRICTED_WORD}”相关的证据`);
    await fullShot(page, '/tmp/search-empty.png');

    const zhang = (await as(ZHANG)).page;
    await zhang.getByTestId('nav-search').click();
    await searchFor(zhang, RESTRICTED_WORD);
    const found = hit(zhang, RESTRICTED_TITLE);
    await found.waitFor();
    expect(await found.locator('[data-sensitivity]').getAttribute('data-sensitivity')).toBe('restricted');
    expect(await found.getByTestId('search-snippet').innerHTML()).toContain(`<mark>${RESTRICTED_WORD}</mark>`);
  });

  it('张洁 finds the story’s proposal, then links the training record to it from an evidence hit', async () => {
    const { page } = await as(ZHANG);
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-index-proposals').click();
    await page.waitForURL((url) => url.searchParams.get('index') === 'proposals');
    // the scope button follows the URL on the next render
    await page.locator('[data-testid="search-index-proposals"][aria-pressed="true"]').waitFor();
    await searchFor(page, '政府购买服务');
    const proposal = page.getByTestId('search-hit').filter({ has: page.getByTestId('search-hit-title').getByText(PROPOSAL_TITLE_START) });
    await proposal.first().waitFor();
    expect(await proposal.first().getAttribute('data-index')).toBe('proposals');
    expect(await proposal.first().getByTestId('search-hit-title').getAttribute('href')).toMatch(/^\/proposals\/[0-9a-f-]{36}$/);
    await page.getByTestId('search-facet-status').waitFor();
    await page.mouse.move(0, 0);
    await fullShot(page, '/tmp/search-proposals.png');

    // Back to evidence: link the training record to the proposal as a whole.
    await page.getByTestId('search-index-evidence').click();
    await page.waitForURL((url) => url.searchParams.get('index') === 'evidence');
    await waitForResults(page, '政府购买服务');
    await searchFor(page, '培训');
    const training = hit(page, TRAINING_TITLE);
    await training.getByTestId('search-link-proposal').click();
    const dialog = page.getByRole('dialog');
    const option = dialog.getByTestId('search-link-option').filter({ hasText: PROPOSAL_TITLE_START });
    await option.waitFor();
    await option.locator('input[type="radio"]').check();
    // Its suggestions are offered; the whole proposal is the default target.
    await dialog.getByTestId('search-link-suggestion').locator('option', { hasText: '第 1 条' }).waitFor({ state: 'attached' });
    expect(await dialog.getByTestId('search-link-suggestion').inputValue()).toBe('proposal');
    await dialog.getByTestId('search-link-note').fill('培训成效：2000余人次参加，58人取得证书并就业');
    await dialog.screenshot({ path: '/tmp/search-link-dialog.png' });
    await dialog.getByTestId('search-link-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const notice = page.getByTestId('search-link-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain(PROPOSAL_TITLE_START);

    const proposalHref = await notice.getByRole('link', { name: '查看建议' }).getAttribute('href');
    expect(proposalHref).toMatch(/^\/proposals\/[0-9a-f-]{36}$/);

    // The same link again is refused, in words, and the dialog stays open.
    await training.getByTestId('search-link-proposal').click();
    await dialog.getByTestId('search-link-option').filter({ hasText: PROPOSAL_TITLE_START }).locator('input').check();
    await dialog.getByTestId('search-link-submit').click();
    await dialog.getByRole('alert').filter({ hasText: '这条证据已经关联到这里了' }).waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The proposal's evidence panel shows the new link.
    await notice.getByRole('link', { name: '查看建议' }).click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await page.getByTestId('evidence-panel').getByText('培训成效：2000余人次参加').waitFor();
  });

  it('张洁 finds the Jin’an program clause by 购买服务 and follows it to the program page', async () => {
    const { page } = await as(ZHANG);
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-index-clauses').click();
    await page.waitForURL((url) => url.searchParams.get('index') === 'clauses');
    expect(await page.getByTestId('search-index-clauses').textContent()).toBe('纲要条款');
    await searchFor(page, '购买服务');
    const clause = page
      .getByTestId('search-hit')
      .filter({ has: page.getByTestId('search-hit-program').getByText(JINAN_PROGRAM, { exact: true }) })
      .filter({ hasText: JINAN_CLAUSE_WORDS });
    await clause.waitFor();
    expect(await clause.getAttribute('data-index')).toBe('clauses');
    const snippet = await clause.getByTestId('search-snippet').innerHTML();
    expect(snippet).toMatch(/<mark>[^<]*购买[^<]*<\/mark>/);
    expect(snippet.replace(/<\/?mark>/g, '')).toContain('政府购买服务');
    expect(await clause.getByTestId('search-link-proposal').count()).toBe(0);
    // Facets by kind (labelled) and by program (named).
    await page.getByTestId('search-facet-kind').getByTestId('search-facet-value').filter({ hasText: '策略措施' }).waitFor();
    await page.getByTestId('search-facet-program').getByTestId('search-facet-value').filter({ hasText: JINAN_PROGRAM }).waitFor();
    await page.mouse.move(0, 0);
    await fullShot(page, '/tmp/search-clauses.png');

    const clauseId = await clause.getAttribute('data-id');
    const href = await clause.getByTestId('search-hit-title').getAttribute('href');
    expect(href).toMatch(new RegExp(`^/programs/[0-9a-f-]{36}#clause-${clauseId}$`));
    await clause.getByTestId('search-hit-title').click();
    await page.waitForURL((url) => url.pathname.startsWith('/programs/') && url.hash === `#clause-${clauseId}`);
    const target = page.locator(`[id="clause-${clauseId}"]`);
    await target.waitFor();
    expect(await target.textContent()).toContain(JINAN_CLAUSE_WORDS);
  });

  it('raised no error in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
