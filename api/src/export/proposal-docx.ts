import type { JSONContent } from '@tiptap/core';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

export interface ProposalForExport {
  title: string;
  target: string | null;
  summary: string;
  body: JSONContent | null;
  suggestions: { number: number; text: string }[];
  authors: string[];
  date: Date;
}

/** 仿宋 for text and 黑体 for headings, 三号 (16pt); the title in 小标宋 (falls back to 宋体), 二号 (22pt). */
const FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' },
  heading: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' },
  title: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' },
};
const BODY_SIZE = 32; // half-points: 16pt, 三号
const TITLE_SIZE = 44; // 22pt, 二号
const FIRST_LINE_INDENT = 640; // two characters of 16pt, in twips
const LINE_SPACING = 560; // exactly 28pt, the usual line pitch of official documents

const run = (text: string, options: { bold?: boolean; italics?: boolean; font?: keyof typeof FONTS; size?: number } = {}) =>
  new TextRun({ text, bold: options.bold, italics: options.italics, font: FONTS[options.font ?? 'body'], size: options.size ?? BODY_SIZE });

const bodyParagraph = (children: TextRun[], indent = true) =>
  new Paragraph({ children, indent: indent ? { firstLine: FIRST_LINE_INDENT } : undefined, spacing: { line: LINE_SPACING } });

function inlineRuns(node: JSONContent, font: keyof typeof FONTS = 'body'): TextRun[] {
  return (node.content ?? []).flatMap((child) => {
    if (child.type === 'hardBreak') return [new TextRun({ break: 1 })];
    if (child.type !== 'text') return inlineRuns(child, font);
    const marks = new Set((child.marks ?? []).map((m) => m.type));
    return [run(child.text ?? '', { bold: marks.has('bold'), italics: marks.has('italic'), font })];
  });
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Turns the body JSON into paragraphs: headings numbered 一、二、…, suggestions numbered 1. 2. … */
function bodyParagraphs(body: JSONContent): Paragraph[] {
  const out: Paragraph[] = [];
  let heading = 0;
  let suggestion = 0;
  const walk = (node: JSONContent, listPrefix?: string) => {
    switch (node.type) {
      case 'heading': {
        const prefix = node.attrs?.level === 2 ? `${CHINESE_NUMERALS[heading++] ?? heading}、` : '';
        out.push(bodyParagraph([run(prefix, { font: 'heading' }), ...inlineRuns(node, 'heading')]));
        return;
      }
      case 'paragraph':
        out.push(bodyParagraph([...(listPrefix ? [run(listPrefix)] : []), ...inlineRuns(node)]));
        return;
      case 'suggestion': {
        suggestion += 1;
        (node.content ?? []).forEach((child, i) => walk(child, i === 0 ? `${suggestion}. ` : undefined));
        return;
      }
      case 'bulletList':
      case 'orderedList':
        (node.content ?? []).forEach((item, i) =>
          (item.content ?? []).forEach((child, j) => walk(child, j === 0 ? (node.type === 'orderedList' ? `（${i + 1}）` : '· ') : undefined)),
        );
        return;
      default:
        (node.content ?? []).forEach((child) => walk(child, listPrefix));
    }
  };
  walk(body);
  return out;
}

/** A proposal laid out as a formal Chinese document: title, addressee, body, numbered suggestions, authors and date. */
export async function proposalToDocx(proposal: ProposalForExport): Promise<Buffer> {
  const body = proposal.body
    ? bodyParagraphs(proposal.body)
    : [
        ...proposal.summary.split('\n').filter(Boolean).map((line) => bodyParagraph([run(line)])),
        ...proposal.suggestions.map((s) => bodyParagraph([run(`${s.number}. ${s.text}`)])),
      ];
  const date = `${proposal.date.getFullYear()}年${proposal.date.getMonth() + 1}月${proposal.date.getDate()}日`;
  const document = new Document({
    creator: 'Jianyan 建言',
    title: proposal.title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400, line: 700 },
            children: [run(proposal.title, { font: 'title', size: TITLE_SIZE })],
          }),
          ...(proposal.target ? [bodyParagraph([run(`${proposal.target}：`)], false)] : []),
          ...body,
          new Paragraph({ spacing: { before: 600, line: LINE_SPACING }, alignment: AlignmentType.RIGHT, children: [run(`建议人：${proposal.authors.join('、')}`)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: LINE_SPACING }, children: [run(date)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
