import type { IndexDefinition, SearchDocument, SearchEngine } from '../search/search.port';

/**
 * The behaviour every search adapter must show. Each adapter's spec calls this with a factory;
 * the embedded adapter runs it in every test run, Meilisearch when MEILI_HOST is set.
 */
export const CONTRACT_INDEX: IndexDefinition = {
  name: 'contract_evidence',
  textFields: [
    { name: 'title', weight: 3 },
    { name: 'body', weight: 1 },
  ],
  facetFields: ['district', 'population', 'sensitivity'],
  snippetField: 'body',
};

const day = (n: number) => Date.UTC(2024, 0, 1) + n * 86_400_000;

function doc(id: string, title: string, body: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    text: { title, body },
    facets: { district: ['jinan'], population: ['migrant_women'], sensitivity: ['public'] },
    access: ['public'],
    date: day(0),
    payload: { title },
    ...extra,
  };
}

export const CONTRACT_DOCUMENTS: SearchDocument[] = [
  doc('training', '三社联动职业技能培训', '晋安区外来务工人员免费职业技能培训，2000余人参加，58人取得证书。', { date: day(5) }),
  doc('station', '校园社工站', '福建首个校园社工站在流动儿童学校设立，学生流失率明显下降。', {
    facets: { district: ['jinan'], population: ['migrant_children'], sensitivity: ['internal'] },
    access: ['fed:fuzhou'],
    date: day(3),
  }),
  doc('cangshan', '仓山区流动妇女调研', '仓山区流动妇女就业与家庭状况问卷调查。', {
    facets: { district: ['cangshan'], population: ['migrant_women'], sensitivity: ['public'] },
    date: day(1),
  }),
  doc('restricted', '个案记录：李某', '服务对象身份证号 350111199003071234，联系电话 13912345678，流动妇女。', {
    facets: { district: ['jinan'], population: ['migrant_women'], sensitivity: ['restricted'] },
    access: ['user:chenfang'],
    date: day(8),
  }),
  doc('latin', 'Vocational Training Outcomes', 'Résumé of the housekeeping and electrician courses; women certified by the employment bureau.', {
    date: day(2),
  }),
  doc('ranking-body', '社区活动记录', '本次活动讨论了课后托管的需求。', { date: day(9) }),
  doc('ranking-title', '课后托管服务', '社区为流动儿童提供服务。', { date: day(0) }),
  doc('xss', '<script>alert(1)</script>标题', '正文包含 <img src=x onerror=alert(1)> 与培训内容', { date: day(4) }),
];

export interface ContractOptions {
  /** Called once before the cases: an engine configured with CONTRACT_INDEX and filled with CONTRACT_DOCUMENTS. */
  engine: () => SearchEngine;
}

const EVERYONE = ['public', 'fed:fuzhou'];

export function describeSearchContract(name: string, options: ContractOptions): void {
  describe(`search contract: ${name}`, () => {
    const ids = async (text: string, extra: Record<string, unknown> = {}) =>
      (await options.engine().search(CONTRACT_INDEX.name, { text, accessTokens: EVERYONE, ...extra })).hits.map((h) => h.id);

    it('treats Chinese words as words: 晋安区, 务工人员, and 流失 finds 流失率', async () => {
      expect(await ids('晋安区')).toEqual(['training']);
      expect(await ids('务工人员')).toEqual(['training']);
      expect(await ids('流失')).toEqual(['station']);
      expect(await ids('流失率')).toEqual(['station']);
    });

    it('gives the same answer to a query however many queries ran before it', async () => {
      const first = await ids('流动妇女');
      const words = ['仓山区', '流动妇女', '就业', '家庭', '状况', '问卷', '调查'];
      for (let n = 1; n <= words.length; n++) {
        await ids(words.slice(0, n).join(' '));
        expect(await ids('流动妇女')).toEqual(first);
        expect(await ids('仓山区')).toEqual(['cangshan']);
      }
    });

    it('requires every word of the query', async () => {
      expect(await ids('流动妇女 仓山区')).toEqual(['cangshan']);
      expect(await ids('流动妇女 火星')).toEqual([]);
    });

    it('folds case and accents, matches the last word as a prefix, and forgives one typo in words of 5+ letters', async () => {
      expect(await ids('VOCATIONAL')).toEqual(['latin']);
      expect(await ids('resume')).toEqual(['latin']);
      expect(await ids('electri')).toEqual(['latin']);
      expect(await ids('houskeeping')).toEqual(['latin']);
      expect(await ids('wemen')).toEqual(['latin']);
      expect(await ids('womn')).toEqual([]);
    });

    it('ranks a match in the title above one in the text, and breaks ties by date', async () => {
      expect(await ids('课后托管')).toEqual(['ranking-title', 'ranking-body']);
      const all = await ids('');
      expect(all[0]).toBe('ranking-body');
    });

    it('filters by facets and counts facet values for the query', async () => {
      const result = await options.engine().search(CONTRACT_INDEX.name, {
        text: '流动妇女',
        accessTokens: EVERYONE,
        facets: ['district', 'population'],
      });
      expect(result.hits.map((h) => h.id).sort()).toEqual(['cangshan']);
      expect(result.facets.district).toEqual({ cangshan: 1 });
      const filtered = await options.engine().search(CONTRACT_INDEX.name, {
        text: '',
        accessTokens: EVERYONE,
        filters: { population: ['migrant_children'] },
        facets: ['sensitivity'],
      });
      expect(filtered.hits.map((h) => h.id)).toEqual(['station']);
      expect(filtered.facets.sensitivity).toEqual({ internal: 1 });
    });

    it('never returns or counts a document the caller holds no access token for', async () => {
      for (const text of ['个案记录', '350111199003071234', '13912345678', '李某']) {
        const result = await options.engine().search(CONTRACT_INDEX.name, {
          text,
          accessTokens: ['public'],
          facets: ['sensitivity', 'district'],
        });
        expect(result.hits).toEqual([]);
        expect(result.total).toBe(0);
        expect(result.facets.sensitivity ?? {}).toEqual({});
      }
      const publicOnly = await options.engine().search(CONTRACT_INDEX.name, { text: '', accessTokens: ['public'], facets: ['sensitivity'] });
      expect(publicOnly.facets.sensitivity).toEqual({ public: 6 });
      const contributor = await options.engine().search(CONTRACT_INDEX.name, { text: '个案记录', accessTokens: ['user:chenfang'] });
      expect(contributor.hits.map((h) => h.id)).toEqual(['restricted']);
    });

    it('returns snippets with the matched words marked and the record’s HTML escaped', async () => {
      const [hit] = (await options.engine().search(CONTRACT_INDEX.name, { text: '培训内容', accessTokens: EVERYONE })).hits;
      expect(hit.id).toBe('xss');
      expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toContain('<');
      expect(hit.snippet).toContain('&gt;');
      expect(hit.snippet).toMatch(/<mark>培训<\/mark>/);
      const [training] = (await options.engine().search(CONTRACT_INDEX.name, { text: '证书', accessTokens: EVERYONE })).hits;
      expect(training.snippet).toContain('<mark>证书</mark>');
    });

    it('updates and removes documents', async () => {
      const engine = options.engine();
      await engine.upsert(CONTRACT_INDEX.name, [doc('temp', '临时记录', '鼓山镇茶会社区的读书会')]);
      expect(await ids('茶会社区')).toEqual(['temp']);
      await engine.upsert(CONTRACT_INDEX.name, [doc('temp', '临时记录', '改为鼓山镇的亲子活动')]);
      expect(await ids('茶会社区')).toEqual([]);
      expect(await ids('亲子活动')).toEqual(['temp']);
      await engine.remove(CONTRACT_INDEX.name, ['temp']);
      expect(await ids('亲子活动')).toEqual([]);
      expect(await engine.count(CONTRACT_INDEX.name)).toBe(CONTRACT_DOCUMENTS.length);
    });
  });
}
