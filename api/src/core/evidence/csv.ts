/** RFC 4180 CSV: quoted fields, "" for a quote, line breaks inside quotes, CRLF or LF, an optional BOM. */

export class CsvSyntaxError extends Error {
  constructor(readonly row: number, message: string) {
    super(`row ${row}: ${message}`);
  }
}

/** The records of a CSV text, each a list of fields. A final line break does not make an empty record. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
      } else {
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else if (c === '"' && field === '' && !afterQuote) quoted = true;
    else if (afterQuote) throw new CsvSyntaxError(rows.length + 1, 'text after a closing quote; quotes inside a field must be doubled');
    else field += c;
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError(rows.length + 1, 'a quoted field is not closed');
  if (field !== '' || row.length > 0 || afterQuote) endRow();
  return rows;
}

/**
 * Cells a spreadsheet would run as a formula are prefixed with ' (CSV injection). Values already
 * made of 's before such a character get one more, so that `restoreFormula` gives back exactly
 * what was written.
 */
export function neutralizeFormula(value: string): string {
  return /^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The value `neutralizeFormula` was given: what the import reads from a CSV this product wrote. */
export function restoreFormula(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a BOM (so spreadsheet programs read UTF-8 Chinese correctly) and CRLF line ends. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map((v) => quote(neutralizeFormula(v))).join(',')).join('\r\n')}\r\n`;
}
