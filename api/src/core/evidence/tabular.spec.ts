import JSZip from 'jszip';
import { parseCsv, restoreFormula, writeCsv } from './csv';
import { XLSX_MAX_ENTRIES, XLSX_MAX_UNCOMPRESSED_BYTES, columnIndex, columnLetters, readXlsx, writeXlsx } from './xlsx';
import { handWrittenWorkbook, withDeclaredSizesOf, zipBomb } from './xlsx-fixtures';

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

  it('gives back exactly what was written once the formula guard is undone, apostrophes included', () => {
    const values = ['=1+1', "'=1+1", "''+2", "'plain", '-7', '@社区', 'plain'];
    const [read] = parseCsv(writeCsv([values]));
    expect(read.map(restoreFormula)).toEqual(values);
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

  it('reads shared strings (rich text), inline strings, numbers, dates, formulas, booleans and gaps, from the first sheet', async () => {
    // the formula gives its cached result (2191), never a value computed here; the streaming reader
    // drops the cached error of a formula (#DIV/0!), which reads as an empty cell
    expect(await readXlsx(await handWrittenWorkbook())).toEqual([
      ['标题', '', '内联'],
      [],
      ['流动妇女 & 儿童', '44378', 'TRUE', '', '2021-07-01', '2021-07-01 12:30:00', '2191'],
      ['3.25', '-7'],
    ]);
  });

  it('refuses a zip bomb before the library inflates it, whether its sizes are declared or lied about', async () => {
    const bomb = await zipBomb();
    await expect(readXlsx(bomb)).rejects.toThrow(`inflates to more than ${XLSX_MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB`);
    await expect(readXlsx(withDeclaredSizesOf(bomb, 1000))).rejects.toThrow('zip bomb');
    const many = new JSZip();
    for (let i = 0; i <= XLSX_MAX_ENTRIES; i++) many.file(`xl/media/image${i}.png`, '');
    await expect(readXlsx(await many.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(`more than ${XLSX_MAX_ENTRIES} parts`);
  });

  it('refuses what is not a workbook', async () => {
    await expect(readXlsx(Buffer.from('not a zip'))).rejects.toThrow('not a zip archive');
  });
});
