import JSZip from 'jszip';

/**
 * The page of a Chinese official document (GB/T 9704-2012 党政机关公文格式): A4, margins top 37 mm,
 * bottom 35 mm, left 28 mm, right 26 mm (a 156 × 225 mm text block), 22 lines of 28 characters of
 * 三号 (16 pt) text, page numbers in 4号 (14 pt) 宋体 with a dash each side, 7 mm below the text block,
 * on the outside edge one character in (odd pages right, even pages left).
 */

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

export const A4 = { width: mm(210), height: mm(297) };
export const MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;

export const BODY_SIZE = 32; // half-points: 16 pt, 三号
export const TITLE_SIZE = 44; // 22 pt, 二号
export const TABLE_SIZE = 28; // 14 pt, 四号: tables hold more per line
export const PAGE_NUMBER_SIZE = 28; // 14 pt, 4号

/** Exactly 28 pt per line (w:lineRule="exact"), the pitch of the 22-line grid. */
export const LINE_PITCH = 560;
export const LINES_PER_PAGE = 22;
export const CHARACTERS_PER_LINE = 28;
/** The title: exactly 35 pt per line, so its 22 pt characters breathe. */
export const TITLE_LINE = 700;
export const TABLE_LINE = 400;
/** Two characters of 16 pt: the first-line indent of every paragraph and heading. */
export const FIRST_LINE_INDENT = 2 * 320;
/** One character of 14 pt: how far the page number sits from the edge of the text block. */
export const PAGE_NUMBER_INSET = 280;

/**
 * 28 characters of 16 pt are 448 pt; the text block is 442.2 pt wide. Word would squeeze them with a
 * character grid (w:docGrid linesAndChars, a negative charSpace), but LibreOffice then gives every
 * character two grid cells (17 a line). So the grid is a line grid, and body runs are condensed
 * (w:spacing, in twips) just enough for 28 characters a line in both.
 */
export const CHARACTER_SPACING = Math.floor(TEXT_WIDTH / CHARACTERS_PER_LINE) - BODY_SIZE * 10;

/** w:footer is measured from the bottom edge to the bottom of the footer line: 7 mm below the text block, one 14 pt line high. */
export const FOOTER_DISTANCE = MARGINS.bottom - mm(7) - PAGE_NUMBER_SIZE * 10;

/**
 * Font families. Word has no fallback list inside a run: w:rFonts names one east-Asian font. The
 * chain lives in the font table (word/fontTable.xml, written by `withFallbackFontTable`): each font
 * the runs name is described there with w:altName, the names Word and LibreOffice try when it is not
 * installed, and with the charset (86, GB2312), family, pitch and PANOSE of the fallback face, which
 * Word's own substitution matches when no name is found. Latin letters and digits use Times New Roman.
 */
const LATIN = 'Times New Roman';
const family = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN, hint: 'eastAsia' });
export const FONTS = {
  title: family('方正小标宋简体'),
  body: family('仿宋_GB2312'),
  heading1: family('黑体'),
  heading2: family('楷体_GB2312'),
  pageNumber: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体', hint: 'eastAsia' },
};
export type FontRole = keyof typeof FONTS;

interface FontEntry {
  name: string;
  altName: string;
  panose: string;
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'variable' | 'fixed';
}

/** PANOSE of the faces Windows ships (SimSun 宋体, FangSong 仿宋, SimHei 黑体, KaiTi 楷体). */
const SONG = '02010600030101010101';
const FANGSONG = '02010609060101010101';
const HEI = '02010609060101010101';
const KAI = '02010609060101010101';

export const FONT_TABLE: readonly FontEntry[] = [
  // the title: 方正小标宋简体 → 华文中宋 → 宋体
  { name: '方正小标宋简体', altName: '华文中宋,宋体', panose: SONG, family: 'roman', pitch: 'variable' },
  { name: '华文中宋', altName: 'STZhongsong,宋体', panose: SONG, family: 'roman', pitch: 'variable' },
  { name: '宋体', altName: 'SimSun', panose: SONG, family: 'roman', pitch: 'variable' },
  // the body: 仿宋_GB2312 → 仿宋
  { name: '仿宋_GB2312', altName: '仿宋,FangSong', panose: FANGSONG, family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', panose: FANGSONG, family: 'modern', pitch: 'fixed' },
  { name: '黑体', altName: 'SimHei', panose: HEI, family: 'modern', pitch: 'fixed' },
  // second-level headings: 楷体_GB2312 → 楷体
  { name: '楷体_GB2312', altName: '楷体,KaiTi', panose: KAI, family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', panose: KAI, family: 'modern', pitch: 'fixed' },
  { name: LATIN, altName: 'Times', panose: '02020603050405020304', family: 'roman', pitch: 'variable' },
];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (font) =>
      `<w:font w:name="${escapeXml(font.name)}"><w:altName w:val="${escapeXml(font.altName)}"/><w:panose1 w:val="${font.panose}"/>` +
      `<w:charset w:val="${font.name === LATIN ? '00' : '86'}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

export const NORMAL_STYLE = 'Normal';

/**
 * What the docx package cannot write: the font table with the fallback chain (it writes only
 * embedded fonts there) and the mark that makes Normal the default paragraph style.
 */
export async function withOfficialParts(document: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(document);
  zip.file('word/fontTable.xml', fontTableXml());
  const styles = await zip.file('word/styles.xml')!.async('string');
  zip.file('word/styles.xml', styles.replace(`<w:style w:type="paragraph" w:styleId="${NORMAL_STYLE}">`, `<w:style w:type="paragraph" w:default="1" w:styleId="${NORMAL_STYLE}">`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
