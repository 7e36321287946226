import { replaceBody, todayInChina } from '@jianyan/shared';
import type { JSONContent } from '@tiptap/core';
import { CollabClient, connectCollab, eventually } from '../test-support/collab-client';
import { DocxParts, attribute, elements, paragraphsOutsideTables, readDocx, textOf } from '../test-support/docx-reading';
import { ADD_SUGGESTION, ProposalFixtures, TRANSITION } from '../test-support/proposal-fixtures';
import { TestApp, startTestApp } from '../test-support/test-app';

const text = (value: string): JSONContent => ({ type: 'text', text: value });
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] });
const heading = (value: string, level = 2): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const cell = (type: 'tableHeader' | 'tableCell', value: string): JSONContent => ({ type, content: [paragraph(value)] });

/** The evidence table of the issue: a header row and five rows of four columns. */
const TABLE_HEADER = ['街道', '流动妇女人数', '参加培训人数', '取得证书人数'];
const TABLE_ROWS = [
  ['茶园街道', '1200', '420', '18'],
  ['岳峰镇', '980', '310', '12'],
  ['新店镇', '760', '260', '11'],
  ['鼓山镇', '640', '210', '9'],
  ['王庄街道', '520', '180', '8'],
];
const table: JSONContent = {
  type: 'table',
  content: [
    { type: 'tableRow', content: TABLE_HEADER.map((v) => cell('tableHeader', v)) },
    ...TABLE_ROWS.map((row) => ({ type: 'tableRow', content: row.map((v) => cell('tableCell', v)) })),
  ],
};

const SUGGESTIONS = [
  { title: '建立流动儿童课后托管服务点', text: '依托社区党群服务中心开设课后托管，由社工和志愿者共同运营。' },
  { title: '开展流动妇女技能培训', text: '每年开设家政、电商等免费培训班，并推荐就业。' },
];
const SUBMITTED_ON = '2024-03-08';

describe('DOCX export as an official document (GB/T 9704)', () => {
  let t: TestApp;
  let f: ProposalFixtures;
  let docx: DocxParts;
  let open: CollabClient | undefined;

  /** A proposal written in the editor with hand-numbered and unnumbered headings, a table and two titled suggestions, submitted on paper. */
  beforeAll(async () => {
    t = await startTestApp();
    f = await new ProposalFixtures(t).init();
    const owner = await f.as('zhangjie');
    const proposal = await f.create('zhangjie', { title: '关于加强流动儿童课后服务的建议', target: '晋安区人民政府', year: 2024 });
    const rows = [];
    for (const s of SUGGESTIONS) rows.push((await owner.ok(ADD_SUGGESTION, { input: { proposalId: proposal.id, ...s } })).addSuggestion);

    open = connectCollab(t.url, proposal.id, owner.cookieHeader);
    await open.synced;
    replaceBody(open.doc, {
      type: 'doc',
      content: [
        heading('一、基本情况'),
        paragraph('晋安区城乡结合部流动人口集中，下表为2023年各街道的情况。'),
        table,
        heading('存在的问题'),
        paragraph('课后托管服务点不足，流动儿童放学后无人照看。'),
        heading('三、建议'),
        ...rows.map((row, i) => ({ type: 'suggestion', attrs: { id: row.id }, content: [paragraph(SUGGESTIONS[i].text)] })),
      ],
    });
    await open.saved();
    await eventually(async () =>
      expect((await owner.ok('query($id: ID!) { proposal(id: $id) { bodyText } }', { id: proposal.id })).proposal.bodyText).toContain('王庄街道'),
    );
    open.close();
    open = undefined;

    await owner.ok(TRANSITION, { input: { proposalId: proposal.id, to: 'in_review' } });
    await owner.ok(TRANSITION, { input: { proposalId: proposal.id, to: 'submitted', submittedOn: SUBMITTED_ON } });
    const response = await fetch(`${t.url}/export/proposals/${proposal.id}.docx`, { headers: { cookie: owner.cookieHeader } });
    expect(response.status).toBe(200);
    docx = await readDocx(await response.arrayBuffer());
  });
  afterAll(async () => {
    open?.close();
    await t.close();
  });

  it('turns the editor’s table into one bordered Word table with a repeating header row', () => {
    const tables = elements(docx.document, 'w:tbl');
    expect(tables).toHaveLength(1);
    const rows = elements(tables[0], 'w:tr');
    expect(rows.map((row) => elements(row, 'w:tc').map(textOf))).toEqual([TABLE_HEADER, ...TABLE_ROWS]);
    expect(rows.map((row) => /<w:tblHeader\/>|<w:tblHeader w:val="(?:true|1|on)"\/>/.test(row))).toEqual([true, false, false, false, false, false]);
    const borders = elements(tables[0], 'w:tblBorders')[0];
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) expect(attribute(borders, `w:${side}`, 'w:val')).toBe('single');
    // no cell text leaks out as a paragraph of its own
    expect(paragraphsOutsideTables(docx.document).map(textOf)).not.toContain('茶园街道');
  });

  it('keeps hand numbering, numbers the unnumbered heading in sequence, and never prints a number twice', () => {
    const paragraphs = paragraphsOutsideTables(docx.document).map(textOf);
    expect(paragraphs).toEqual(expect.arrayContaining(['一、基本情况', '二、存在的问题', '三、建议']));
    expect(paragraphs.filter((p) => /^([一二三四五六七八九十]+、|\d+\.)\s*([一二三四五六七八九十]+、|\d+\.)/.test(p))).toEqual([]);
  });

  it('prints each suggestion with its number and title before its text', () => {
    const paragraphs = paragraphsOutsideTables(docx.document).map(textOf);
    SUGGESTIONS.forEach((s, i) => expect(paragraphs).toContain(`${i + 1}.${s.title}。${s.text}`));
  });

  it('carries the submission date, not the day of export, as 2024年3月8日', () => {
    const paragraphs = paragraphsOutsideTables(docx.document).map(textOf);
    expect(paragraphs[paragraphs.length - 1]).toBe('2024年3月8日');
    const [year, month, day] = todayInChina().split('-').map(Number);
    expect(paragraphs).not.toContain(`${year}年${month}月${day}日`);
  });

  it('numbers the pages in the footer, — 1 —, outside edge on odd and even pages', () => {
    expect(docx.settings).toMatch(/<w:evenAndOddHeaders(?:\/>| w:val="(?:true|1)"\/>)/);
    const sectionFooters = elements(docx.document, 'w:footerReference').map((ref) => attribute(ref, 'w:footerReference', 'w:type'));
    expect(sectionFooters.sort()).toEqual(['default', 'even']);
    const footers = Object.values(docx.footers);
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(textOf(footer)).toBe('— ' + ' —');
      expect(attribute(footer, 'w:sz', 'w:val')).toBe('28');
    }
    expect(footers.map((footer) => attribute(footer, 'w:jc', 'w:val')).sort()).toEqual(['left', 'right']);
  });

  it('sets exact 28 pt lines of 28 characters on the 22-line grid of an A4 page with the GB/T 9704 margins', () => {
    const body = paragraphsOutsideTables(docx.document).slice(1); // the title has its own 35 pt line
    expect(body.length).toBeGreaterThan(8);
    for (const p of body) {
      expect(attribute(p, 'w:spacing', 'w:lineRule')).toBe('exact');
      expect(attribute(p, 'w:spacing', 'w:line')).toBe('560');
    }
    const section = elements(docx.document, 'w:sectPr')[0];
    expect([attribute(section, 'w:pgSz', 'w:w'), attribute(section, 'w:pgSz', 'w:h')]).toEqual(['11906', '16838']);
    expect(['w:top', 'w:bottom', 'w:left', 'w:right'].map((side) => attribute(section, 'w:pgMar', side))).toEqual(['2098', '1984', '1587', '1474']);
    expect(attribute(section, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attribute(section, 'w:docGrid', 'w:linePitch')).toBe('560');
    // 28 characters of 16 pt, condensed by the run spacing, fit the 156 mm text block, 29 do not
    const textWidth = 11906 - 1587 - 1474;
    for (const p of body.slice(1)) {
      const runs = elements(p, 'w:rPr').filter((rPr) => attribute(rPr, 'w:sz', 'w:val') === '32');
      expect(runs.length).toBeGreaterThan(0);
      for (const rPr of runs) {
        const pitch = 320 + Number(attribute(rPr, 'w:spacing', 'w:val'));
        expect(pitch * 28).toBeLessThanOrEqual(textWidth);
        expect(pitch * 29).toBeGreaterThan(textWidth);
      }
    }
    // 22 lines of 28 pt fit the 225 mm text block, 23 do not
    const textHeight = 16838 - 2098 - 1984;
    expect(22 * 560).toBeLessThanOrEqual(textHeight);
    expect(23 * 560).toBeGreaterThan(textHeight);
  });

  it('names the official fonts and describes their fallbacks in the font table', () => {
    const [title, ...rest] = paragraphsOutsideTables(docx.document);
    expect(attribute(title, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attribute(rest[rest.length - 1], 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    const font = (name: string) => elements(docx.fontTable, 'w:font').find((f) => attribute(f, 'w:font', 'w:name') === name) ?? '';
    expect(attribute(font('方正小标宋简体'), 'w:altName', 'w:val')).toBe('华文中宋,宋体');
    expect(attribute(font('仿宋_GB2312'), 'w:altName', 'w:val')).toBe('仿宋,FangSong');
    expect(attribute(font('仿宋_GB2312'), 'w:charset', 'w:val')).toBe('86');
  });
});
