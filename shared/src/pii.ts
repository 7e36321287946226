/**
 * Personal data in free text: detection and masking, pure and isomorphic. The API stores what
 * `detectPii` finds when evidence is saved and serves `maskText` to everyone not cleared for the
 * raw content; the web uses the same functions to preview what will be masked.
 *
 * Positions are JavaScript string indices (UTF-16 code units), `end` exclusive.
 */

export const PII_KINDS = ['resident_id', 'mobile', 'bank_card', 'name'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export const PII_KIND_LABELS: Record<PiiKind, { zh: string; en: string }> = {
  resident_id: { zh: '居民身份证号', en: 'Resident ID number' },
  mobile: { zh: '手机号码', en: 'Mobile number' },
  bank_card: { zh: '银行卡号', en: 'Bank card number' },
  name: { zh: '姓名', en: 'Name' },
};

export interface PiiFinding {
  kind: PiiKind;
  start: number;
  end: number;
}

// ---------------------------------------------------------------- resident ID numbers (GB 11643)

/** Province-level codes that begin a resident ID number. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83', '91',
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID number. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentIdCheckDigit needs exactly 17 digits');
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return ID_CHECK_CHARS[sum % 11];
}

function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  const [year, month, day] = [Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8))];
  if (year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= today.getTime();
}

/** An 18-character resident ID number with a known province, a real past birth date and a valid check digit. */
export function isValidResidentId(value: string, today: Date = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return false;
  if (!isPlausibleBirthDate(value.slice(6, 14), today)) return false;
  return residentIdCheckDigit(value.slice(0, 17)) === value[17].toUpperCase();
}

// ---------------------------------------------------------------- bank cards

/** The Luhn (mod 10) check used by payment card numbers. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------- detection

const RESIDENT_ID = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
/** 13912345678, 139 1234 5678 or 139-1234-5678, not inside a longer run of digits. */
const MOBILE = /(?<!\d)1[3-9]\d([ -]?)\d{4}\1\d{4}(?!\d)/g;
const CARD_PLAIN = /(?<!\d)\d{13,19}(?!\d)/g;
/** Groups of four separated by one space or hyphen: 6222 0212 3456 7890 (123). */
const CARD_GROUPED = /(?<!\d)\d{4}([ -])\d{4}(?:\1\d{4}){1,2}(?:\1\d{1,3})?(?!\d|[ -]\d)/g;

const PRIORITY: Record<PiiKind, number> = { resident_id: 0, mobile: 1, bank_card: 2, name: 3 };

function matches(text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))] as RegExpExecArray[];
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names as a contributor marks them: trimmed, without blanks or duplicates, longest first. */
export function normalizeMarkedNames(names: readonly string[]): string[] {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
  return unique.sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/**
 * Finds resident ID numbers (valid check digit), mobile numbers, bank card numbers (Luhn-valid
 * and not an ID number) and every occurrence of the marked names. The result is sorted and has no
 * overlaps: where two candidates overlap, the earlier (then the longer) wins.
 */
export function detectPii(text: string, markedNames: readonly string[] = [], today: Date = new Date()): PiiFinding[] {
  const candidates: PiiFinding[] = [];
  const add = (kind: PiiKind, m: RegExpExecArray) => candidates.push({ kind, start: m.index, end: m.index + m[0].length });
  for (const m of matches(text, RESIDENT_ID)) if (isValidResidentId(m[0], today)) add('resident_id', m);
  for (const m of matches(text, MOBILE)) add('mobile', m);
  for (const pattern of [CARD_PLAIN, CARD_GROUPED]) {
    for (const m of matches(text, pattern)) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits) && !isValidResidentId(digits, today)) add('bank_card', m);
    }
  }
  for (const name of normalizeMarkedNames(markedNames)) {
    for (const m of matches(text, new RegExp(escapeRegExp(name), 'gi'))) add('name', m);
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || PRIORITY[a.kind] - PRIORITY[b.kind]);
  const findings: PiiFinding[] = [];
  for (const c of candidates) {
    const last = findings[findings.length - 1];
    if (!last || c.start >= last.end) findings.push(c);
  }
  return findings;
}

// ---------------------------------------------------------------- masking

/** 350111199003072349 → 3501**********2349 */
export function maskResidentId(value: string): string {
  return value.slice(0, 4) + '*'.repeat(Math.max(0, value.length - 8)) + value.slice(-4);
}

/** 13912342345 → 139****2345 (separators dropped) */
export function maskMobile(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** Any card number → **** **** **** 1234 (the length is not revealed either). */
export function maskBankCard(value: string): string {
  return `**** **** **** ${value.replace(/\D/g, '').slice(-4)}`;
}

/** 张小红 → 张**; a one-character name becomes *. */
export function maskName(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

export function maskValue(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'resident_id':
      return maskResidentId(value);
    case 'mobile':
      return maskMobile(value);
    case 'bank_card':
      return maskBankCard(value);
    case 'name':
      return maskName(value);
  }
}

/** The text with every finding replaced by its masked form. Findings must come from `detectPii(text)`. */
export function maskText(text: string, findings: readonly PiiFinding[]): string {
  let out = '';
  let cursor = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < cursor || f.end > text.length) continue;
    out += text.slice(cursor, f.start) + maskValue(f.kind, text.slice(f.start, f.end));
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

/** Detects and masks in one step. */
export function maskPii(text: string, markedNames: readonly string[] = [], today?: Date): string {
  return maskText(text, detectPii(text, markedNames, today));
}
