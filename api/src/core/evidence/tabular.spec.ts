import JSZip from 'jszip';
import { parseCsv, writeCsv } from './csv';
import { columnIndex, columnLetters, readXlsx, writeXlsx } from './xlsx';

describe('CSV (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\ufefftitle,narrative\r\n"带,逗号","她说：""你好""\r\n第二行"\r\nplain,\n';
    expect(parseCsv(text)).toEqual([
      ['title', 'narrative'],
      ['带,逗号', '她说："你好"\r\n第二行'],
      ['plain', ''],
    ]);
  });

  it('keeps empty fields and a last line without a line break', () => {
    expect(parseCsv('a,,c\n,,\nx')).toEqual([['a', '', 'c'], ['', '', ''], ['x']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('"only"')).toEqual([['only']]);
  });

  it('refuses an unclosed quote or text after a closing quote, naming the row', () => {
    expect(() => parseCsv('a\n"open,b\n')).toThrow('row 2: a quoted field is not closed');
    expect(() => parseCsv('a\nb\n"x"y,1')).toThrow('row 3: text after a closing quote');
  });

  it('writes what it reads back, with formulas neutralised', () => {
    const rows = [['标题', 'x'], ['带"引号"', '多\n行'], ['=1+1', ' 空格 ']];
    const written = writeCsv(rows);
    expect(written.startsWith('\ufeff')).toBe(true);
    expect(parseCsv(written)).toEqual([['标题', 'x'], ['带"引号"', '多\n行'], ["'=1+1", ' 空格 ']]);
  });
});

describe('XLSX', () => {
  it('converts column letters both ways', () => {
    expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AA10'), columnIndex('AB2')]).toEqual([0, 25, 26, 27]);
    expect([0, 25, 26, 27, 701].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });

  it('reads back what it writes', async () => {
    const rows = [['标题', '数值'], ['<&>"\'', '2000'], ['', 'B3']];
    expect(await readXlsx(await writeXlsx('证据', rows))).toEqual(rows);
  });

  it('reads shared strings (rich text, skipping phonetics), inline strings, numbers, booleans and gaps, from the first sheet', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="数据" sheetId="3" r:id="rId7"/></sheets></workbook>');
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/></Relationships>');
    zip.file(
      'xl/sharedStrings.xml',
      '<sst><si><t>标题</t></si><si><r><t>流动</t></r><r><t xml:space="preserve">妇女 &amp; 儿童</t></r><rPh><t>りゅうどう</t></rPh></si></sst>',
    );
    zip.file(
      'xl/worksheets/data.xml',
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>内联</t></is></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>44378</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" s="1"/></row></sheetData></worksheet>',
    );
    expect(await readXlsx(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual([
      ['标题', '', '内联'],
      [],
      ['流动妇女 & 儿童', '44378', 'TRUE', ''],
    ]);
  });

  it('refuses what is not a workbook', async () => {
    await expect(readXlsx(Buffer.from('not a zip'))).rejects.toThrow('not a zip archive');
  });
});
