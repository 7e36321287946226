import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { writeCsv } from '../evidence/csv';
import { AdoptionRateModel, DashboardModel } from './dashboard.model';

/** 0.4 → "40.0"; "" when there is nothing to divide. */
export function percent(rate: number | null): string {
  return rate === null ? '' : (rate * 100).toFixed(1);
}

const days = (value: number | null): string => (value === null ? '' : value.toFixed(1));

/**
 * The dashboard as CSV (UTF-8 with a BOM, for Excel): the rates by dimension, then the headline
 * figures, then the adopted suggestions with their clauses and (cleared, masked) evidence.
 */
export function dashboardCsv(dashboard: DashboardModel): string {
  const rateRows = (dimension: string, rows: AdoptionRateModel[]) =>
    rows.map((r) => [dimension, r.label, r.labelEn, String(r.submitted), String(r.adopted), percent(r.rate)]);
  const t = dashboard.totals;
  return writeCsv([
    ['维度 Dimension', '名称', 'Name', '已提交建议条目 Submitted', '已采纳 Adopted', '采纳率(%) Rate'],
    ['合计 Total', '合计', 'Total', String(t.submittedSuggestions), String(t.adoptedSuggestions), percent(t.adoptionRate)],
    ...rateRows('区 District', dashboard.byDistrict),
    ...rateRows('领域 Program area', dashboard.byProgramArea),
    ...rateRows('年度 Year', dashboard.byYear),
    ...rateRows('建议人 Lead author', dashboard.byAuthor),
    [],
    ['指标 Figure', '数值 Value'],
    ['年度 Year', dashboard.year === null ? '全部 all' : String(dashboard.year)],
    ['截至 As of', dashboard.asOf],
    ['建议 Proposals', String(t.proposals)],
    ['提交至采纳天数中位数 Median days to adoption', days(t.medianDaysToAdoption)],
    ['提交至采纳平均天数 Mean days to adoption', days(t.meanDaysToAdoption)],
    ['超过三个月未答复 Awaiting an answer > 90 days', String(t.awaiting)],
    [],
    ['建议 Proposal', '建议条目 Suggestion', '采纳日期 Adopted on', '条款 Clause', '纲要 Program', '证据 Evidence'],
    ...dashboard.adopted.map((chain) => [
      chain.suggestion.proposal.title,
      `${chain.suggestion.number}. ${chain.suggestion.title}`,
      chain.firstAdoptedOn ?? '',
      chain.adoptions.flatMap((a) => (a.clause ? [`${a.clause.number}${a.clause.text}`] : [])).join('；'),
      [...new Set(chain.adoptions.flatMap((a) => (a.clause ? [a.clause.programName] : [])))].join('；'),
      chain.evidence.map((e) => e.title).join('；'),
    ]),
  ]);
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const SIZE = 24; // half-points: 12pt (小四), so the summary fits one page
const text = (value: string, options: { bold?: boolean; heading?: boolean; size?: number } = {}) =>
  new TextRun({ text: value, bold: options.bold, font: options.heading ? HEADING_FONT : FONT, size: options.size ?? SIZE });
const paragraph = (value: string, options: { heading?: boolean } = {}) =>
  new Paragraph({ spacing: { before: options.heading ? 120 : 0, after: 60, line: 320 }, children: [text(value, options)] });

/** Limits that keep the summary on one A4 page; the CSV has everything. */
const MAX_TABLE_ROWS = 5;
const MAX_ADOPTIONS = 4;
const MAX_LINE = 90;
const clip = (value: string, length: number) => (value.length > length ? `${value.slice(0, length - 1)}…` : value);

function rateTable(title: string, rows: AdoptionRateModel[]): Table {
  const cell = (value: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value, { bold, size: 21 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [title, '提交条目', '采纳条目', '采纳率'].map((h) => cell(h, true)) }),
      ...rows
        .slice(0, MAX_TABLE_ROWS)
        .map((r) => new TableRow({ children: [cell(r.label), cell(String(r.submitted)), cell(String(r.adopted)), cell(r.rate === null ? '—' : `${percent(r.rate)}%`)] })),
    ],
  });
}

/** A one-page annual summary: headline figures, rates by district and area, the latest adoptions. */
export async function annualSummaryDocx(dashboard: DashboardModel, federationName: string): Promise<Buffer> {
  const t = dashboard.totals;
  const year = dashboard.year ?? Number(dashboard.asOf.slice(0, 4));
  const rate = t.adoptionRate === null ? '—' : `${percent(t.adoptionRate)}%`;
  const timing =
    t.timedAdoptions > 0
      ? `从提交到采纳，中位数${days(t.medianDaysToAdoption)}天，平均${days(t.meanDaysToAdoption)}天。`
      : '暂无可计算的提交至采纳用时。';
  const adoptions = dashboard.adopted.slice(0, MAX_ADOPTIONS).map((chain) => {
    const clause = chain.adoptions.find((a) => a.clause)?.clause;
    const where = clause ? `，纳入《${clause.programName}》${clause.number}${clause.text.slice(0, 40)}` : '';
    const evidence = chain.evidence.length ? `（证据：${chain.evidence.map((e) => e.title).join('、')}）` : '';
    return paragraph(clip(`· ${chain.suggestion.title}（${chain.firstAdoptedOn}）${where}${evidence}`, MAX_LINE));
  });
  const more = (shown: number, total: number) => (total > shown ? [paragraph(`另有${total - shown}项，详见CSV导出。`)] : []);
  const document = new Document({
    creator: 'Jianyan 建言',
    title: `${year}年度建言采纳情况摘要`,
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [text(`${federationName}${year}年度建言采纳情况摘要`, { heading: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [text(`统计截至${dashboard.asOf}`, { size: 21 })] }),
          paragraph(
            `${year}年度共提交建议${t.proposals}件、建议条目${t.submittedSuggestions}条，其中${t.adoptedSuggestions}条被采纳，采纳率${rate}。${timing}` +
              `超过三个月尚未答复的建议条目${t.awaiting}条。`,
          ),
          paragraph('一、各区采纳情况', { heading: true }),
          rateTable('区', dashboard.byDistrict),
          ...more(MAX_TABLE_ROWS, dashboard.byDistrict.length),
          paragraph('二、各领域采纳情况', { heading: true }),
          rateTable('领域', dashboard.byProgramArea),
          ...more(MAX_TABLE_ROWS, dashboard.byProgramArea.length),
          paragraph('三、采纳事项', { heading: true }),
          ...(adoptions.length ? adoptions : [paragraph('本年度暂无采纳记录。')]),
          ...more(MAX_ADOPTIONS, dashboard.adopted.length),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
