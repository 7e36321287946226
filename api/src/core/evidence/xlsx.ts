import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PassThrough, pipeline } from 'stream';

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
async function checkedArchive(content: Buffer): Promise<JSZip> {
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
  return zip;
}

const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
const PARTS_BEFORE_SHEETS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * The parts the streaming reader needs, workbook and shared strings ahead of the sheets: in the order
 * Excel writes them the reader would spool every sheet to a temporary file until it met the shared
 * strings. Parts already deflated are copied as they are, not inflated again.
 */
function readerStream(zip: JSZip): PassThrough {
  const parts = new JSZip();
  const names = [...PARTS_BEFORE_SHEETS, ...Object.keys(zip.files).filter((name) => WORKSHEET_PART.test(name))];
  const kept: JSZip['files'] = {};
  for (const name of names) if (zip.files[name]) kept[name] = zip.files[name];
  parts.files = kept;
  // jszip's stream is not a stream.Readable, which the reader asks for
  const through = new PassThrough();
  pipeline(parts.generateNodeStream({ compression: 'DEFLATE', compressionOptions: { level: 1 } }), through, () => undefined);
  return through;
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

/** Distinct texts a workbook may share between its cells: far above what 1000 rows of evidence hold. */
export const XLSX_MAX_SHARED_STRINGS = 100_000;
/** Columns a sheet may fill with values: the evidence table has a few dozen. */
export const XLSX_MAX_COLUMNS = 256;
/** Rows of an Excel sheet: the default limit of rows holding a value. */
export const XLSX_MAX_ROWS = 1_048_576;

/** More rows hold a value than the caller accepts: reading stopped there. */
export class XlsxRowLimitError extends XlsxFormatError {
  constructor(readonly maxRows: number) {
    super(`has more than ${maxRows} rows`);
  }
}

export interface XlsxReadLimits {
  /** Rows holding a value (blank ones do not count); one more stops the reading with XlsxRowLimitError. */
  maxRows?: number;
}

type SharedString = ExcelJS.CellValue;
type SheetReader = ExcelJS.stream.xlsx.WorksheetReader & { name: string };
/** exceljs 4.4 yields a shared string bare, without the eventType its other events carry. */
type ReaderEvent = { eventType: 'worksheet'; value: SheetReader } | { eventType: 'hyperlinks' } | { eventType?: undefined; index: number; text: SharedString };

/** The streaming reader leaves a shared string as its index when it does not cache them. */
function resolved(value: ExcelJS.CellValue, shared: readonly SharedString[]): ExcelJS.CellValue {
  if (value && typeof value === 'object' && 'sharedString' in value) return shared[(value as { sharedString: number }).sharedString] ?? null;
  return value;
}

const NO_CELLS: readonly string[] = Object.freeze([]);

/** One row as strings, or NO_CELLS when every cell is blank. */
function rowCells(row: ExcelJS.Row, shared: readonly SharedString[]): readonly string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
    const text = valueText(resolved(cell.value, shared));
    if (!text) return;
    if (columnNumber > XLSX_MAX_COLUMNS) throw new XlsxFormatError(`has values beyond column ${columnLetters(XLSX_MAX_COLUMNS - 1)}`);
    while (cells.length < columnNumber - 1) cells.push('');
    cells[columnNumber - 1] = text;
  });
  return cells.some((text) => text.trim() !== '') ? cells : NO_CELLS;
}

/** The rows of one sheet, read until the first row over the limit. */
async function sheetRows(sheet: AsyncIterable<ExcelJS.Row>, shared: readonly SharedString[], maxRows: number): Promise<(readonly string[])[]> {
  const rows: (readonly string[])[] = [];
  let withValues = 0;
  for await (const row of sheet) {
    if (!(row.number > rows.length && row.number <= XLSX_MAX_ROWS)) throw new XlsxFormatError(`is not an XLSX workbook (row ${row.number} is out of order)`);
    const cells = rowCells(row, shared);
    if (cells === NO_CELLS) continue;
    if (++withValues > maxRows) throw new XlsxRowLimitError(maxRows);
    while (rows.length < row.number - 1) rows.push(NO_CELLS);
    rows.push(cells);
  }
  return rows;
}

/**
 * The cells of the first sheet as rows of strings; row i of the result is spreadsheet row i + 1
 * (rows absent from the file or blank are empty), column j is column j + 1. The sheet is streamed,
 * never loaded whole: reading stops at the first row over `maxRows` and at a value beyond XLSX_MAX_COLUMNS.
 */
export async function readXlsx(content: Buffer, { maxRows = XLSX_MAX_ROWS }: XlsxReadLimits = {}): Promise<(readonly string[])[]> {
  const source = readerStream(await checkedArchive(content));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'emit',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const events = reader.parse() as AsyncGenerator<ReaderEvent>;
  const shared: SharedString[] = [];
  try {
    for await (const event of events) {
      if (event.eventType === undefined) {
        if (event.index >= XLSX_MAX_SHARED_STRINGS) throw new XlsxFormatError(`shares more than ${XLSX_MAX_SHARED_STRINGS} distinct texts between its cells`);
        shared.push(event.text);
      } else if (event.eventType === 'worksheet' && event.value.name === reader.model.sheets?.[0]?.name) {
        return await sheetRows(event.value, shared, maxRows);
      }
    }
  } catch (error) {
    if (error instanceof XlsxFormatError) throw error;
    throw new XlsxFormatError('is not an XLSX workbook (its parts cannot be read)');
  } finally {
    await events.return(undefined);
    source.destroy();
  }
  throw new XlsxFormatError('is not an XLSX workbook (no worksheet found)');
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
