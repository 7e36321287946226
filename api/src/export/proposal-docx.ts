import { FormalBlock, FormalRun, FormalTableRow, formalDocumentBlocks, officialDate, type FormalSuggestion } from '@jianyan/shared';
import type { JSONContent } from '@tiptap/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  A4,
  BODY_SIZE,
  CHARACTER_SPACING,
  FIRST_LINE_INDENT,
  FONTS,
  FOOTER_DISTANCE,
  FontRole,
  LINE_PITCH,
  MARGINS,
  NORMAL_STYLE,
  PAGE_NUMBER_INSET,
  PAGE_NUMBER_SIZE,
  TABLE_LINE,
  TABLE_SIZE,
  TEXT_WIDTH,
  TITLE_LINE,
  TITLE_SIZE,
  withOfficialParts,
} from './official-page';

export interface ProposalForExport {
  title: string;
  target: string | null;
  summary: string;
  body: JSONContent | null;
  suggestions: FormalSuggestion[];
  authors: string[];
  /** The day the document carries (YYYY-MM-DD, China time): its submission, or the version's day. */
  day: string;
}

interface RunStyle {
  font?: FontRole;
  size?: number;
  bold?: boolean;
}

const exactly = (line: number) => ({ line, lineRule: LineRuleType.EXACT });

const textRuns = (runs: FormalRun[], style: RunStyle = {}): TextRun[] =>
  runs.map((r) =>
    r.lineBreak
      ? new TextRun({ break: 1 })
      : new TextRun({
          text: r.text,
          bold: style.bold || r.bold,
          italics: r.italic,
          font: FONTS[style.font ?? 'body'],
          size: style.size ?? BODY_SIZE,
          characterSpacing: (style.size ?? BODY_SIZE) === BODY_SIZE ? CHARACTER_SPACING : undefined,
        }),
  );

const run = (text: string, style: RunStyle = {}) => textRuns([{ text }], style);

interface ParagraphLayout {
  indent?: { firstLine: number } | { right: number } | null;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  before?: number;
}

const bodyParagraph = (children: TextRun[], options: ParagraphLayout = {}) =>
  new Paragraph({
    children,
    alignment: options.alignment ?? AlignmentType.JUSTIFIED,
    indent: options.indent === undefined ? { firstLine: FIRST_LINE_INDENT } : (options.indent ?? undefined),
    spacing: { ...exactly(LINE_PITCH), ...(options.before ? { before: options.before } : {}) },
  });

/** 一、 in 黑体, （一） in 楷体, 1. in bold 仿宋 (GB/T 9704 7.3.3). */
const HEADING_STYLE: Record<1 | 2 | 3, RunStyle> = { 1: { font: 'heading1' }, 2: { font: 'heading2' }, 3: { bold: true } };

/** The signature and the date stand four characters in from the right (GB/T 9704 7.3.5.1). */
const SIGNATURE_INDENT = { right: 4 * 320 };

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function wordTable(rows: FormalTableRow[]): Table {
  const columns = Math.max(1, ...rows.map((row) => row.cells.reduce((sum, cell) => sum + cell.colspan, 0)));
  const columnWidth = Math.floor(TEXT_WIDTH / columns);
  return new Table({
    width: { size: columnWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => columnWidth),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder },
    rows: rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          cantSplit: true,
          children: row.cells.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                width: { size: columnWidth * cell.colspan, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                children: (cell.paragraphs.length ? cell.paragraphs : [[]]).map(
                  (runs) =>
                    new Paragraph({
                      alignment: cell.header ? AlignmentType.CENTER : AlignmentType.LEFT,
                      spacing: exactly(TABLE_LINE),
                      children: textRuns(runs, { size: TABLE_SIZE, bold: cell.header }),
                    }),
                ),
              }),
          ),
        }),
    ),
  });
}

function wordBlocks(block: FormalBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading': {
      const style = HEADING_STYLE[block.level];
      return [bodyParagraph([...(block.number ? run(block.number, style) : []), ...textRuns(block.runs, style)])];
    }
    case 'paragraph':
      return [bodyParagraph([...(block.number ? run(block.number) : []), ...textRuns(block.runs)])];
    case 'suggestion':
      return block.paragraphs.map((runs, i) =>
        bodyParagraph(i > 0 ? textRuns(runs) : [...run(`${block.number}${block.title}`, { bold: true }), ...textRuns(runs)]),
      );
    case 'table':
      return [wordTable(block.rows)];
  }
}

/** `— 1 —` in 4号 宋体, one character in from the outside edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const style = { font: FONTS.pageNumber, size: PAGE_NUMBER_SIZE };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        spacing: exactly(PAGE_NUMBER_SIZE * 10),
        children: [new TextRun({ ...style, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/**
 * A proposal laid out as a formal Chinese document, in the order of the print view: title,
 * addressee, body (headings, paragraphs, tables, numbered suggestions with their titles), authors, date.
 */
export async function proposalToDocx(proposal: ProposalForExport): Promise<Buffer> {
  const body = formalDocumentBlocks(proposal).flatMap(wordBlocks);
  const document = new Document({
    creator: 'Jianyan 建言',
    title: proposal.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: FONTS.body, size: BODY_SIZE },
          paragraph: { spacing: exactly(LINE_PITCH) },
        },
      },
      // the grid's character pitch is counted from the Normal style's size (LibreOffice falls back to 12 pt without it)
      paragraphStyles: [{ id: NORMAL_STYLE, name: 'Normal', quickFormat: true, run: { font: FONTS.body, size: BODY_SIZE, characterSpacing: CHARACTER_SPACING }, paragraph: { spacing: exactly(LINE_PITCH) } }],
    },
    sections: [
      {
        properties: {
          page: { size: A4, margin: { ...MARGINS, footer: FOOTER_DISTANCE, header: MARGINS.top / 2 } },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...exactly(TITLE_LINE), after: LINE_PITCH },
            children: run(proposal.title, { font: 'title', size: TITLE_SIZE }),
          }),
          ...(proposal.target?.trim() ? [bodyParagraph(run(`${proposal.target.trim()}：`), { indent: null })] : []),
          ...body,
          bodyParagraph(run(`建议人：${proposal.authors.join('、')}`), { alignment: AlignmentType.RIGHT, indent: SIGNATURE_INDENT, before: LINE_PITCH }),
          bodyParagraph(run(officialDate(proposal.day)), { alignment: AlignmentType.RIGHT, indent: SIGNATURE_INDENT }),
        ],
      },
    ],
  });
  return withOfficialParts(await Packer.toBuffer(document));
}
