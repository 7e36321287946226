import JSZip from 'jszip';
import { XLSX_MAX_UNCOMPRESSED_BYTES } from './xlsx';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/**
 * A workbook written part by part as Excel writes it: its first sheet (数据, in sheet2.xml, listed
 * first) holds shared strings with rich text and a phonetic run, an inline string, numbers, a boolean,
 * a date and a date-time (number formats 14 and 22), a formula with its cached result and one with an
 * error; a second sheet must be ignored.
 */
export function handWrittenWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SHEET_TYPE}"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${SHEET_TYPE}"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  zip.file('_rels/.rels', `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    'xl/workbook.xml',
    `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="数据" sheetId="2" r:id="rId2"/><sheet name="其他" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${DOC_RELS}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    'xl/styles.xml',
    `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  zip.file(
    'xl/sharedStrings.xml',
    `<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si><t>标题</t></si><si><r><t>流动</t></r><r><rPr><b/></rPr><t xml:space="preserve">妇女 &amp; 儿童</t></r></si><si><t>别的表</t></si></sst>`,
  );
  zip.file(
    'xl/worksheets/sheet2.xml',
    `<worksheet xmlns="${MAIN}"><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>内联</t></is></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>44378</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" s="0"/>' +
      '<c r="E3" s="1"><v>44378</v></c><c r="F3" s="2"><v>44378.520833333336</v></c><c r="G3"><f>B3/2-20000+2</f><v>2191</v></c>' +
      '<c r="H3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
      '<row r="4"><c r="A4"><v>3.25</v></c><c r="B4"><v>-7</v></c></row>' +
      '</sheetData></worksheet>',
  );
  zip.file('xl/worksheets/sheet1.xml', `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>2</v></c></row></sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A small workbook whose sheet inflates past the limit: a few hundred kilobytes of deflated blanks. */
export async function zipBomb(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await handWrittenWorkbook());
  const padding = ' '.repeat(XLSX_MAX_UNCOMPRESSED_BYTES + 1024 * 1024);
  zip.file('xl/worksheets/sheet2.xml', `<worksheet xmlns="${MAIN}">${padding}<sheetData/></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The archive with every uncompressed size above `size` declared as `size`, in the local headers and the central directory. */
export function withDeclaredSizesOf(archive: Buffer, size: number): Buffer {
  const patched = Buffer.from(archive);
  const lower = (offset: number) => {
    if (patched.readUInt32LE(offset) > size) patched.writeUInt32LE(size, offset);
  };
  for (let i = 0; i + 30 <= patched.length; i++) {
    const signature = patched.readUInt32LE(i);
    if (signature === 0x04034b50) lower(i + 22);
    else if (signature === 0x02014b50) lower(i + 24);
  }
  return patched;
}

/**
 * A workbook of a few megabytes whose first sheet inflates to about `sheetBytes` of cells: ten numbers
 * in each of hundreds of thousands of rows, under a header of inline strings.
 */
export function bulkyWorkbook(sheetBytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SHEET_TYPE}"/></Types>`,
  );
  zip.file('_rels/.rels', `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="证据" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  const columns = 'ABCDEFGHIJ';
  const header = [...'标题日期来源类型区县人群'.slice(0, columns.length)].map((name, i) => `<c r="${columns[i]}1" t="inlineStr"><is><t>${name}</t></is></c>`);
  const parts = [`<worksheet xmlns="${MAIN}"><sheetData><row r="1">${header.join('')}</row>`];
  let size = parts[0].length;
  for (let r = 2; size < sheetBytes; r++) {
    const row = `<row r="${r}">${[...columns].map((c, i) => `<c r="${c}${r}"><v>${i}</v></c>`).join('')}</row>`;
    parts.push(row);
    size += row.length;
  }
  parts.push('</sheetData></worksheet>');
  zip.file('xl/worksheets/sheet1.xml', parts.join(''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
