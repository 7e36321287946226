import { EVIDENCE_IMPORT_MAX_ROWS } from '@jianyan/shared';
import { EvidenceFixtures, LIST_EVIDENCE } from '../../test-support/evidence-fixtures';
import { ProposalFixtures, errorCode } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { writeCsv } from './csv';
import { writeXlsx } from './xlsx';
import { bulkyWorkbook, withDeclaredSizesOf, zipBomb } from './xlsx-fixtures';

const PREVIEW = `mutation($file: String!, $format: EvidenceImportFormat!) { previewEvidenceImport(file: $file, format: $format) {
  format columns ignoredColumns rowCount validCount rows { row title dateFrom sourceType sensitivity valid errors { row column message } }
  errors { row column message } } }`;
const COMMIT = `mutation($file: String!, $format: EvidenceImportFormat!) { commitEvidenceImport(file: $file, format: $format) {
  count evidence { id title narrative themes populations figures { label value unit period } sensitivity effectiveSensitivity status districtId consentObtained } } }`;

const base64 = (content: string | Buffer) => Buffer.from(content).toString('base64');

describe('evidence import from CSV and XLSX: preview, then all or nothing', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  const total = async () => (await (await f.as('chenfang')).ok(LIST_EVIDENCE, { filter: {} })).evidenceList.totalCount as number;

  const GOOD = [
    ['标题', '案例叙述', '日期', '区县', '人群', '主题', '来源类型', '数据', '敏感级别', '涉及可识别个人', '备注'],
    ['家政培训成效', '2020年以来，"三社联动"\n项目开展培训。', '2020/1/1', '晋安区', '流动妇女、困境妇女', '妇女与经济;职业培训', '服务记录', '参加培训|2000|人|2020—2021; 取得证书|58|人', '公开', '否', '内部备注'],
    ['校园社工站', '2013年3月设立。', '2013-03-01', 'jinan', 'migrant_children', 'children_education', 'service_record', '', 'internal', 'no', ''],
  ];

  it('accepts an import file of several hundred kilobytes (the JSON body limit allows it)', async () => {
    const rows = [GOOD[0], ...Array.from({ length: 900 }, (_, i) => [`社区服务记录${i}`, '流动妇女参加技能培训并实现就业。'.repeat(12), '2021-05-01', '晋安区', '流动妇女', '妇女与经济', '服务记录', '', '公开', '否', ''])];
    const file = base64(writeCsv(rows));
    expect(file.length).toBeGreaterThan(400_000);
    const preview = (await (await f.as('chenfang')).ok(PREVIEW, { file, format: 'CSV' })).previewEvidenceImport;
    expect(preview).toMatchObject({ rowCount: 900, errors: [] });
  });

  it('previews a CSV (quotes, line breaks, labels in Chinese) and commits it in one go', async () => {
    const file = base64(writeCsv(GOOD));
    const preview = (await (await f.as('chenfang')).ok(PREVIEW, { file, format: 'CSV' })).previewEvidenceImport;
    expect(preview).toMatchObject({ rowCount: 2, validCount: 2, errors: [], ignoredColumns: ['备注'] });
    expect(preview.rows[0]).toMatchObject({ row: 2, title: '家政培训成效', dateFrom: '2020-01-01', sourceType: 'service_record', sensitivity: 'public', valid: true });
    const before = await total();
    const { commitEvidenceImport } = await (await f.as('chenfang')).ok(COMMIT, { file, format: 'CSV' });
    expect(commitEvidenceImport.count).toBe(2);
    expect(commitEvidenceImport.evidence[0]).toMatchObject({
      title: '家政培训成效',
      narrative: '2020年以来，"三社联动"\n项目开展培训。',
      populations: ['migrant_women', 'women_in_difficulty'],
      themes: ['women_economy', '职业培训'],
      figures: [
        { label: '参加培训', value: 2000, unit: '人', period: '2020—2021' },
        { label: '取得证书', value: 58, unit: '人', period: null },
      ],
      sensitivity: 'public',
      effectiveSensitivity: 'public',
      status: 'draft',
      districtId: p.orgIds.jinan,
    });
    expect(await total()).toBe(before + 2);
    const audit = await f.auditEntries({ action: 'evidence.imported' });
    expect(JSON.parse(audit[0].details)).toMatchObject({ format: 'CSV', count: 2 });
  });

  it('imports an XLSX workbook, including dates stored as spreadsheet serials', async () => {
    const rows = [['title', 'dateFrom', 'sourceType', 'status'], ['访谈纪要', '44378', 'interview', '已发布']];
    const file = (await writeXlsx('Sheet1', rows)).toString('base64');
    const { commitEvidenceImport } = await (await f.as('zhangjie')).ok(COMMIT, { file, format: 'XLSX' });
    expect(commitEvidenceImport.evidence).toEqual([expect.objectContaining({ title: '访谈纪要', status: 'published', sensitivity: 'restricted' })]);
    const { evidence } = await (await f.as('zhangjie')).ok(`query($id: ID!) { evidence(id: $id) { dateFrom } }`, { id: commitEvidenceImport.evidence[0].id });
    expect(evidence.dateFrom).toBe('2021-07-01');
  });

  it('reports every problem by row and column in the preview, and writes nothing', async () => {
    const rows = [
      GOOD[0],
      GOOD[1],
      ['', '没有标题', '2021-01-01', '', '', '', '访谈', '', '', '', ''],
      ['坏日期', '', '2021-02-30', '鼓楼区', '外星人', '', '传闻', '人数|很多', '绝密', '也许', ''],
    ];
    const before = await total();
    const preview = (await (await f.as('chenfang')).ok(PREVIEW, { file: base64(writeCsv(rows)), format: 'CSV' })).previewEvidenceImport;
    expect(preview).toMatchObject({ rowCount: 3, validCount: 1 });
    expect(preview.rows[1].errors).toEqual([{ row: 3, column: 'title', message: 'is required' }]);
    expect(preview.rows[2].errors.map((e: { column: string }) => e.column).sort()).toEqual(
      ['aboutIdentifiablePeople', 'dateFrom', 'district', 'figures', 'populations', 'sensitivity', 'sourceType'].sort(),
    );
    expect(preview.errors).toHaveLength(1 + 7);
    expect(await total()).toBe(before);
  });

  it('commits nothing when one row is bad, naming its row and column', async () => {
    const rows = [GOOD[0], GOOD[1], GOOD[2], ['第三条', '', '2021-01-01', '', '', '', '不存在的来源', '', '', '', '']];
    const before = await total();
    const result = await (await f.as('chenfang')).request(COMMIT, { file: base64(writeCsv(rows)), format: 'CSV' });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', row: 4, column: 'sourceType' });
    expect(result.errors?.[0].message).toMatch(/^row 4, column sourceType: .*nothing was imported/);
    expect(await total()).toBe(before);
  });

  it('refuses a header without required columns, bad base64, broken CSV and a non-workbook, naming the problem', async () => {
    const client = await f.as('chenfang');
    const missing = await client.request(COMMIT, { file: base64('标题,日期\n测试,2021-01-01\n'), format: 'CSV' });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', row: 1, column: 'sourceType' });
    for (const [file, format, message] of [
      ['***', 'CSV', 'base64'],
      [base64('title,dateFrom,sourceType\n"open,2021-01-01,news\n'), 'CSV', 'row 2'],
      [base64('not a workbook'), 'XLSX', 'not a zip'],
      [base64(Buffer.from([0xff, 0xfe, 0x00])), 'CSV', 'UTF-8'],
    ] as const) {
      const result = await client.request(PREVIEW, { file, format });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(result.errors?.[0].message).toContain(message);
    }
  });

  it('refuses an XLSX zip bomb, even one lying about its sizes, and stays up', async () => {
    const client = await f.as('chenfang');
    const bomb = await zipBomb();
    for (const archive of [bomb, withDeclaredSizesOf(bomb, 1000)]) {
      const result = await client.request(PREVIEW, { file: archive.toString('base64'), format: 'XLSX' });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(result.errors?.[0].message).toMatch(/^file: inflates to more than 50 MB/);
    }
    const file = (await writeXlsx('Sheet1', [GOOD[0], GOOD[1]])).toString('base64');
    expect((await client.ok(PREVIEW, { file, format: 'XLSX' })).previewEvidenceImport).toMatchObject({ rowCount: 1, validCount: 1 });
  });

  it('refuses a workbook of 45 MB of cells at the row limit without loading it, and stays up', async () => {
    const client = await f.as('chenfang');
    const file = (await bulkyWorkbook(45 * 1024 * 1024)).toString('base64');
    global.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    try {
      const result = await client.request(PREVIEW, { file, format: 'XLSX' });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(result.errors?.[0].message).toBe(`file: must have at most ${EVIDENCE_IMPORT_MAX_ROWS} rows`);
    } finally {
      clearInterval(sampler);
    }
    // loaded whole, its 1.7 million cells took over half a gigabyte of exceljs objects
    expect(peak - baseline).toBeLessThan(256 * 1024 * 1024);
    const small = (await writeXlsx('Sheet1', [GOOD[0], GOOD[1]])).toString('base64');
    expect((await client.ok(PREVIEW, { file: small, format: 'XLSX' })).previewEvidenceImport).toMatchObject({ rowCount: 1, validCount: 1 });
  });

  it('lets contributors, members and admins import, not researchers or leaders', async () => {
    const file = base64(writeCsv(GOOD));
    for (const person of ['liusiyuan', 'huangli'] as const) {
      expect(errorCode(await (await f.as(person)).request(PREVIEW, { file, format: 'CSV' }))).toBe('FORBIDDEN');
      expect(errorCode(await (await f.as(person)).request(COMMIT, { file, format: 'CSV' }))).toBe('FORBIDDEN');
    }
  });

  it('reads back its own export', async () => {
    await f.published({ title: '往返测试', themes: ['roundtrip', 'women_health'], populations: ['elderly_carers'], figures: [{ label: '人数', value: 12, unit: '人' }] });
    const response = await f.get('chenfang', '/export/evidence.xlsx?theme=roundtrip');
    const file = Buffer.from(await response.arrayBuffer()).toString('base64');
    const preview = (await (await f.as('chenfang')).ok(PREVIEW, { file, format: 'XLSX' })).previewEvidenceImport;
    expect(preview).toMatchObject({ rowCount: 1, validCount: 1, errors: [] });
    expect(preview.ignoredColumns).toEqual(['ID', '实际敏感级别', '录入人', '所属组织', '更新时间']);
  });
});
