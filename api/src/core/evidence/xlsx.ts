import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Reading the first sheet of an XLSX workbook as rows of strings, and writing one, with exceljs. */

export class XlsxFormatError extends Error {}

/** What a workbook may inflate to, in all its parts together: far above any real 1000-row import. */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Parts a workbook may hold: a real one has a few dozen. */
export const XLSX_MAX_ENTRIES = 1000;

/** A1 → 0, B7 → 1, AA3 → 26 */
export function columnIndex(reference: string): number {
  const letters = /^[A-Z]+/.exec(reference)?.[0] ?? 'A';
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Inflates one part without keeping it, counting its bytes against what is left of the budget. */
function inflatedSize(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy(): void };
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          // a destroyed stream pushes no more: jszip pauses its inflater
          stream.destroy();
          reject(new XlsxFormatError(`inflates to more than ${XLSX_MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB (a zip bomb?)`));
        }
      })
      .on('error', () => reject(new XlsxFormatError('is not an XLSX workbook (a damaged zip archive)')))
      .on('end', () => resolve(size));
  });
}

/**
 * Refuses a zip whose parts inflate beyond the limits before exceljs sees it: the sizes the central
 * directory declares can lie, so every part is inflated and counted (and thrown away) here, and the
 * count stops at the limit.
 */
async function checkInflatedSize(content: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    throw new XlsxFormatError('is not an XLSX workbook (not a zip archive)');
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > XLSX_MAX_ENTRIES) throw new XlsxFormatError(`has more than ${XLSX_MAX_ENTRIES} parts`);
  let total = 0;
  for (const entry of entries) total += await inflatedSize(entry, XLSX_MAX_UNCOMPRESSED_BYTES - total);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates as the calendar date (and the time when there is one), in the workbook's own clock. */
function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const [h, m, s] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

/** A cell's value as text: formulas give their cached result (never evaluated), booleans TRUE/FALSE. */
function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return valueText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : valueText(value.text);
  return '';
}

/**
 * The cells of the first sheet as rows of strings; row i of the result is spreadsheet row i + 1
 * (rows absent from the file are empty), column j is column j + 1.
 */
export async function readXlsx(content: Buffer): Promise<string[][]> {
  await checkInflatedSize(content);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw new XlsxFormatError('is not an XLSX workbook (its parts cannot be read)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new XlsxFormatError('is not an XLSX workbook (no worksheet found)');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = valueText(cell.value);
    });
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  return rows;
}

/** XML 1.0 cannot carry these control characters: they are dropped rather than corrupt the file. */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A calendar date, YYYY-MM-DD, written as a date cell. */
export interface XlsxDate {
  date: string;
}
export type XlsxCell = string | XlsxDate;

/** How date cells show: Excel, WPS and LibreOffice all read it as a date format. */
export const XLSX_DATE_FORMAT = 'yyyy-mm-dd';

/**
 * A one-sheet workbook. Text stays text (`=1+1` is written as a string, not a formula); dates are
 * date cells (a serial with a date number format, midnight UTC, which is how readXlsx reads them back).
 */
export async function writeXlsx(sheetName: string, rows: readonly (readonly XlsxCell[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) {
    const values = row.map((cell) => (typeof cell === 'string' ? cell.replace(XML_FORBIDDEN, '') : new Date(`${cell.date}T00:00:00Z`)));
    const added = sheet.addRow(values);
    values.forEach((value, i) => {
      if (value instanceof Date) added.getCell(i + 1).numFmt = XLSX_DATE_FORMAT;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
