import { parseBoolean, parseDate, parseFigures, parsePopulation, parseSensitivity, parseSourceType, parseStatus, parseTheme, splitList, ImportColumn } from './evidence-table';

/** CellError.reason of a row exported masked. */
export const MASKED_EXPORT = 'MASKED_EXPORT';

/** The districts of the importer's federation by id, code and name, and the ones she may file under. */
export interface DistrictLookup {
  byName: Map<string, string>;
  filing: Set<string>;
}

export interface CellError {
  column: string;
  message: string;
  reason?: string;
}

/**
 * One spreadsheet row to the input of createEvidence: labels to codes, lists split, dates
 * normalised. Problems the schema cannot see (unknown labels, districts) are reported here by column.
 */
export function rowToInput(
  values: Partial<Record<ImportColumn, string>>,
  districts: DistrictLookup,
): { input: Record<string, unknown>; errors: CellError[] } {
  const errors: CellError[] = [];
  const text = (key: ImportColumn) => values[key] || null;
  const list = <T>(key: ImportColumn, parse: (v: string) => T | null, what: string): T[] =>
    splitList(values[key] ?? '').flatMap((v) => {
      const parsed = parse(v);
      if (parsed === null) errors.push({ column: key, message: `“${v}” is not a known ${what}` });
      return parsed === null ? [] : [parsed];
    });
  const single = <T>(key: ImportColumn, parse: (v: string) => T | null, what: string): T | null => {
    const v = values[key];
    if (!v) return null;
    const parsed = parse(v);
    if (parsed === null) errors.push({ column: key, message: `“${v}” is not a known ${what}` });
    return parsed;
  };
  const date = (key: ImportColumn) => (values[key] ? parseDate(values[key]!) : null);

  const figures = parseFigures(values.figures ?? '');
  if (figures.error) errors.push({ column: 'figures', message: figures.error });
  let districtId: string | null = null;
  if (values.district) {
    districtId = districts.byName.get(values.district.toLowerCase()) ?? null;
    if (!districtId) errors.push({ column: 'district', message: `“${values.district}” is not a district of your federation` });
    else if (!districts.filing.has(districtId)) {
      errors.push({ column: 'district', message: `“${values.district}” is outside your organisation and the ones below it; you may not file under it` });
    }
  }
  const status = single('status', parseStatus, 'status (draft, published or withdrawn)');
  // Masked text imported would become a record whose "original" is the masked text, its consent
  // details and marked names lost: refused, so that a masked export never passes for the record.
  if (single('masked', parseBoolean, 'yes/no value')) {
    errors.push({
      column: 'masked',
      reason: MASKED_EXPORT,
      message:
        'this row was exported masked, for someone not cleared for its raw content; it is not the record and cannot be imported. Import an export of the raw record (your own records, or exported by an administrator of its organisation)',
    });
  }
  const consentObtained = single('consentObtained', parseBoolean, 'yes/no value') ?? false;
  const input = {
    title: values.title ?? '',
    narrative: values.narrative ?? '',
    dateFrom: date('dateFrom') ?? '',
    dateTo: date('dateTo'),
    districtId,
    town: text('town'),
    community: text('community'),
    populations: list('populations', parsePopulation, 'population group'),
    themes: splitList(values.themes ?? '').map(parseTheme),
    sourceType: single('sourceType', parseSourceType, 'source type') ?? values.sourceType ?? '',
    figures: figures.figures,
    sensitivity: single('sensitivity', parseSensitivity, 'sensitivity level'),
    aboutIdentifiablePeople: single('aboutIdentifiablePeople', parseBoolean, 'yes/no value'),
    consent: {
      obtained: consentObtained,
      obtainedBy: text('consentObtainedBy'),
      obtainedOn: date('consentObtainedOn'),
      scope: text('consentScope'),
      expiresOn: date('consentExpiresOn'),
    },
    markedNames: splitList(values.markedNames ?? ''),
    status,
  };
  return { input, errors };
}
