import ExcelJS from 'exceljs';
import { EvidenceFixtures, validResidentId } from '../../test-support/evidence-fixtures';
import { ProposalFixtures } from '../../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../../test-support/test-app';
import { parseCsv } from './csv';
import { readXlsx } from './xlsx';

/** Every field a contributor reads of her own record, but identity, versions and times. */
const ALL_FIELDS = `title narrative dateFrom dateTo districtId town community populations themes sourceType
  figures { label value unit period } sensitivity effectiveSensitivity sensitivityHeld sensitivityHeldReason
  aboutIdentifiablePeople consentObtained consent { obtained obtainedBy obtainedOn scope expiresOn }
  markedNames piiCount piiFindings { field kind start end masked } status rawContent`;
const LIST = `query($filter: EvidenceFilter) { evidenceList(first: 100, filter: $filter) { nodes { id ${ALL_FIELDS} } } }`;
const PREVIEW = `mutation($file: String!, $format: EvidenceImportFormat!) { previewEvidenceImport(file: $file, format: $format) {
  rowCount validCount ignoredColumns errors { row column message reason } } }`;
const COMMIT = `mutation($file: String!, $format: EvidenceImportFormat!) { commitEvidenceImport(file: $file, format: $format) { count evidence { id } } }`;

const ID_NUMBER = validResidentId('35011119900307234');

/** Records using every field: Chinese text with quotes, commas and line breaks, lists, figures, dates, consent, marked names. */
function recordsTagged(tag: string): Record<string, unknown>[] {
  return [
    {
      title: '王秀英家政培训，"三社联动"成效',
      narrative: `王秀英（身份证 ${ID_NUMBER}）说：“培训后找到了工作。”\n李春花，同村，也参加了。\n=后续回访, 2022年`,
      dateFrom: '2020-01-01',
      dateTo: '2021-12-31',
      town: '岳峰镇',
      community: '岳峰社区',
      populations: ['migrant_women', 'women_in_difficulty'],
      themes: ['women_economy', tag, '职业培训'],
      sourceType: 'service_record',
      figures: [
        { label: '王秀英所在班人数', value: 2000, unit: '人', period: '2020—2021' },
        { label: '就业率', value: 0.835, unit: null, period: null },
        { label: '变化', value: -7, unit: '个百分点', period: '2021' },
      ],
      sensitivity: 'internal',
      aboutIdentifiablePeople: true,
      consent: { obtained: true, obtainedBy: '陈芳', obtainedOn: '2021-03-15', scope: '仅用于建议材料，不公开姓名', expiresOn: '2031-03-14' },
      markedNames: ['王秀英', '李春花'],
    },
    {
      title: '-校园社工站（负号开头）',
      narrative: '',
      dateFrom: '2013-03-01',
      populations: [],
      themes: [tag],
      sourceType: 'interview',
      figures: [],
      sensitivity: 'public',
      aboutIdentifiablePeople: false,
    },
    {
      title: '+留守儿童个案',
      narrative: '@社区 转介',
      dateFrom: '2022-07-01',
      populations: ['left_behind_children'],
      themes: [tag, 'children_education'],
      sourceType: 'case_note',
      consent: { obtained: false },
    },
  ];
}

/** The records as their contributor reads them, without what an import cannot keep (id), sorted by title. */
async function recordsWith(f: EvidenceFixtures, tag: string, ids?: string[]): Promise<Record<string, unknown>[]> {
  const { evidenceList } = await (await f.as('chenfang')).ok(LIST, { filter: { theme: tag } });
  return (evidenceList.nodes as Record<string, unknown>[])
    .filter((node) => !ids || ids.includes(node.id as string))
    .map(({ id: _id, ...fields }) => fields)
    .sort((a, b) => String(a.title).localeCompare(String(b.title)));
}

describe('evidence export → import gives the same records (CSV and XLSX)', () => {
  let t: TestApp;
  let p: ProposalFixtures;
  let f: EvidenceFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    p = await new ProposalFixtures(t).init();
    f = new EvidenceFixtures(t, p);
  });
  afterAll(() => t.close());

  async function seed(tag: string): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, input] of recordsTagged(tag).entries()) {
      const record = i === 2 ? await f.create(input) : await f.published(input);
      ids.push(record.id);
    }
    return ids;
  }

  for (const format of ['csv', 'xlsx'] as const) {
    it(`re-imports a contributor's own ${format.toUpperCase()} export as the same records, every field compared`, async () => {
      const tag = `roundtrip-${format}`;
      const originalIds = await seed(tag);
      const original = await recordsWith(f, tag, originalIds);
      expect(original).toHaveLength(3);
      expect(original.map((r) => r.status).sort()).toEqual(['draft', 'published', 'published']);
      expect(original.find((r) => String(r.title).startsWith('王'))).toMatchObject({ piiCount: 5, markedNames: ['李春花', '王秀英'] });

      const response = await f.get('chenfang', `/export/evidence.${format}?theme=${tag}`);
      expect(response.status).toBe(200);
      const file = Buffer.from(await response.arrayBuffer()).toString('base64');
      const client = await f.as('chenfang');
      const preview = (await client.ok(PREVIEW, { file, format: format.toUpperCase() })).previewEvidenceImport;
      expect(preview).toMatchObject({ rowCount: 3, validCount: 3, errors: [] });
      expect(preview.ignoredColumns).toEqual(['ID', '实际敏感级别', '录入人', '所属组织', '更新时间']);
      const { commitEvidenceImport } = await client.ok(COMMIT, { file, format: format.toUpperCase() });
      expect(commitEvidenceImport.count).toBe(3);

      const imported = await recordsWith(f, tag, commitEvidenceImport.evidence.map((e: { id: string }) => e.id));
      expect(imported).toEqual(original);
    });
  }

  it('writes dates as date cells with a date format, which the import reads back', async () => {
    const [id] = await seed('roundtrip-date-cells');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await (await f.get('chenfang', '/export/evidence.xlsx?theme=roundtrip-date-cells')).arrayBuffer()) as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === id)!;
    const cell = (name: string) => row.getCell(header.indexOf(name));
    for (const [name, date] of [
      ['日期', '2020-01-01'],
      ['结束日期', '2021-12-31'],
      ['同意日期', '2021-03-15'],
      ['同意有效期至', '2031-03-14'],
    ] as const) {
      expect(cell(name).type).toBe(ExcelJS.ValueType.Date);
      expect(cell(name).numFmt).toBe('yyyy-mm-dd');
      expect(cell(name).value).toEqual(new Date(`${date}T00:00:00Z`));
    }
    expect(cell('标题').type).toBe(ExcelJS.ValueType.String);
  });

  it('exports masked text to someone not cleared for raw content, without consent details or marked names, and refuses to import it', async () => {
    const [id] = await seed('roundtrip-masked');
    for (const [format, read] of [
      ['csv', async (r: Response) => parseCsv(await r.text())],
      ['xlsx', async (r: Response) => readXlsx(Buffer.from(await r.arrayBuffer()))],
    ] as const) {
      const response = await f.get('zhangjie', `/export/evidence.${format}?theme=roundtrip-masked`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const [header, ...rows] = await read(new Response(bytes));
      const row = rows.find((r) => r[0] === id)!;
      const cell = (name: string) => row[header.indexOf(name)];
      expect(cell('标题')).toBe('王**家政培训，"三社联动"成效');
      expect(cell('已遮盖')).toBe('是');
      expect(cell('已取得知情同意')).toBe('是');
      for (const name of ['需遮盖的姓名', '同意取得人', '同意日期', '同意范围', '同意有效期至']) expect(cell(name) ?? '').toBe('');
      expect(JSON.stringify(rows)).not.toMatch(new RegExp(`王秀英|李春花|${ID_NUMBER}|仅用于建议材料`));

      const client = await f.as('zhangjie');
      const file = bytes.toString('base64');
      const preview = (await client.ok(PREVIEW, { file, format: format.toUpperCase() })).previewEvidenceImport;
      expect(preview.validCount).toBe(0);
      const maskedErrors = preview.errors.filter((e: { reason: string | null }) => e.reason === 'MASKED_EXPORT');
      expect(maskedErrors.map((e: { column: string }) => e.column)).toEqual(Array(preview.rowCount).fill('masked'));
      const before = (await f.auditEntries({ action: 'evidence.imported', actorId: p.userIds.zhangjie })).length;
      const result = await client.request(COMMIT, { file, format: format.toUpperCase() });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(await f.auditEntries({ action: 'evidence.imported', actorId: p.userIds.zhangjie })).toHaveLength(before);
    }
  });
});
