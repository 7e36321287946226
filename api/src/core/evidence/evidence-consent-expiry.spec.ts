import { todayInChina } from '@jianyan/shared';
import { EvidenceFixtures } from '../../test-support/evidence-fixtures';
import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { EvidenceConsentExpiryJob } from './evidence-consent-expiry.job';

const SEARCH = `query($input: SearchInput!) {
  search(input: $input) { total hits { id } facets { field values { value count } } }
}`;
const DAY_MS = 86_400_000;
const consentUntil = (expiresOn: string) => ({ obtained: true, obtainedBy: '陈芳', obtainedOn: '2024-01-05', scope: '用于政策建议', expiresOn });
const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Only the clock moves: timers, ticks and the database run for real. */
function travelTo(time: number): void {
  jest.useFakeTimers({
    now: time,
    doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
}

describe('re-indexing evidence whose consent expires with no write', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let e: EvidenceFixtures;

  beforeAll(async () => {
    // the clock jumps two days: sessions must not end for inactivity meanwhile
    t = await startTestApp({ SESSION_IDLE_TIMEOUT: '2000h' });
    p = await new ProposalFixtures(t).init();
    e = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());
  afterEach(() => jest.useRealTimers());

  const search = async (person: 'chenfang' | 'liusiyuan', text: string) => {
    const { search: result } = await (await p.as(person)).ok(SEARCH, { input: { index: 'evidence', text } });
    return {
      ids: result.hits.map((h: { id: string }) => h.id) as string[],
      total: result.total as number,
      sensitivity: result.facets.find((f: { field: string }) => f.field === 'sensitivity')?.values ?? [],
    };
  };

  it('hides a public record from other readers once its consent has expired and the job has run; the contributor still finds it, as restricted', async () => {
    const today = todayInChina();
    const expiring = await e.published({
      title: '流动母亲夜校识字班',
      narrative: '识字班每周两次，帮助流动母亲读懂孩子的作业和学校通知。',
      sensitivity: 'public',
      aboutIdentifiablePeople: true,
      consent: consentUntil(today),
    });
    const lasting = await e.published({
      title: '流动母亲识字班结业记录',
      narrative: '识字班第一期结业，十二名流动母亲参加。',
      sensitivity: 'public',
      aboutIdentifiablePeople: true,
      consent: consentUntil(dayAfter(today, 30)),
    });
    const job = t.app.get(EvidenceConsentExpiryJob);
    // on the last day of the consent, the record is still public
    expect(await job.reindexExpiredConsent(new Date())).toBe(0);
    const before = await search('liusiyuan', '识字班');
    expect(before.ids.sort()).toEqual([expiring.id, lasting.id].sort());
    expect(before.sensitivity).toEqual([{ value: 'public', count: 2 }]);

    travelTo(Date.now() + 2 * DAY_MS);
    expect(await job.reindexExpiredConsent(new Date())).toBe(1);
    const after = await search('liusiyuan', '识字班');
    expect(after.ids).toEqual([lasting.id]);
    expect(after.total).toBe(1);
    expect(after.sensitivity).toEqual([{ value: 'public', count: 1 }]);
    const contributor = await search('chenfang', '夜校识字班');
    expect(contributor.ids).toEqual([expiring.id]);
    expect(contributor.sensitivity).toEqual([{ value: 'restricted', count: 1 }]);

    // the next run only looks at what expired since
    expect(await job.reindexExpiredConsent(new Date())).toBe(0);
  });
});
