import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { NUMBERING_STYLES, headingRole } from '@jianyan/shared';

/**
 * Program documents built from a program's text, as Word and PDF printers make them, so that tests
 * can check they import to the same tree as the text.
 */

type LevelDefinition = { level: number; format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string };

const HEADING_LEVELS: LevelDefinition[] = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
];
const CLAUSE_LEVELS: LevelDefinition[] = [
  { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
  { level: 1, format: LevelFormat.DECIMAL, text: '（%2）' },
  { level: 2, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%3' },
];
const LIST_OF: Record<string, { reference: string; level: number }> = {
  chinese: { reference: 'headings', level: 0 },
  chineseParen: { reference: 'headings', level: 1 },
  digit: { reference: 'clauses', level: 0 },
  digitParen: { reference: 'clauses', level: 1 },
  circled: { reference: 'clauses', level: 2 },
};

/**
 * A .docx whose numbers come from Word's automatic numbering (word/numbering.xml), not from the text:
 * 一、 and （一） from one list, 1. （1） ① from a list restarted after each heading, as authors number
 * programs in Word. Unnumbered lines are plain paragraphs.
 */
export async function docxWithAutomaticNumbering(text: string): Promise<Buffer> {
  let instance = 0;
  let afterHeading = true;
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const style = NUMBERING_STYLES.find((s) => s.pattern.test(line));
      if (!style) {
        if (headingRole(line)) afterHeading = true;
        return new Paragraph({ text: line });
      }
      const list = LIST_OF[style.style];
      if (list.reference === 'headings') afterHeading = true;
      else if (afterHeading) {
        instance++;
        afterHeading = false;
      }
      const body = line.slice(style.pattern.exec(line)![0].length);
      return new Paragraph({ text: body, numbering: { ...list, instance: list.reference === 'clauses' ? instance : 0 } });
    });
  const levels = (definitions: LevelDefinition[]) => definitions.map((d) => ({ ...d, alignment: AlignmentType.LEFT }));
  const document = new Document({
    numbering: {
      config: [
        { reference: 'headings', levels: levels(HEADING_LEVELS) },
        { reference: 'clauses', levels: levels(CLAUSE_LEVELS) },
      ],
    },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}
