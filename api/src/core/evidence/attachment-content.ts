import { withoutForbiddenTitleCharacters, type AttachmentKind } from '@jianyan/shared';
import JSZip from 'jszip';

export type Detection = { ok: true; kind: AttachmentKind } | { ok: false; reason: string };

const startsWith = (bytes: Buffer, signature: number[] | string): boolean => {
  const sig = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= sig.length && bytes.subarray(0, sig.length).equals(sig);
};

/** Windows PE, ELF, Mach-O (and Java class / fat binaries), and scripts with a #! line. */
const EXECUTABLE_SIGNATURES: (number[] | string)[] = [
  'MZ',
  [0x7f, 0x45, 0x4c, 0x46],
  '#!',
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
];

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A DOCX has word/, an XLSX xl/, both with [Content_Types].xml; other zips are refused. */
async function officeKind(bytes: Buffer): Promise<AttachmentKind | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    return null;
  } catch {
    return null;
  }
}

/**
 * The type of an upload found from its bytes (magic numbers), never from its name or the client's
 * header. The name only tells CSV from plain text once the bytes have proved to be UTF-8 text.
 */
export async function detectAttachmentKind(bytes: Buffer, fileName: string): Promise<Detection> {
  if (bytes.length === 0) return { ok: false, reason: 'is empty' };
  if (EXECUTABLE_SIGNATURES.some((sig) => startsWith(bytes, sig))) return { ok: false, reason: 'is an executable or script, which is not allowed' };
  if (startsWith(bytes, '%PDF-')) return { ok: true, kind: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, kind: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, kind: 'jpeg' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const kind = await officeKind(bytes);
    return kind ? { ok: true, kind } : { ok: false, reason: 'is a zip archive that is neither a DOCX nor an XLSX document' };
  }
  if (isUtf8Text(bytes)) return { ok: true, kind: /\.csv$/i.test(fileName) ? 'csv' : 'txt' };
  return { ok: false, reason: 'is not one of the allowed types (PDF, PNG, JPEG, DOCX, XLSX, CSV, TXT)' };
}

const EXTENSIONS: Record<AttachmentKind, string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  csv: ['csv'],
  txt: ['txt', 'text', 'md'],
};
const ALL_EXTENSIONS = new Set(Object.values(EXTENSIONS).flat());

/**
 * The base name without path separators, quotes, control characters or text-direction overrides
 * (so "报告\u202Efdp.exe" cannot show as "报告exe.pdf"), at most 200 characters.
 */
export function sanitizeFileName(raw: string): string {
  const base = withoutForbiddenTitleCharacters(raw.split(/[\\/]/).pop() ?? '').replace(/"/g, '').trim();
  const name = base || 'attachment';
  if (name.length <= 200) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, 200 - ext.length) + ext;
}

/**
 * A name whose extension says another allowed type than the bytes (report.pdf holding a PNG) is
 * refused; a name without a known extension gets the right one.
 */
export function nameForKind(fileName: string, kind: AttachmentKind): { ok: true; name: string } | { ok: false; reason: string } {
  const match = /\.([a-z0-9]{1,10})$/i.exec(fileName);
  const ext = match?.[1].toLowerCase();
  if (ext && EXTENSIONS[kind].includes(ext)) return { ok: true, name: fileName };
  if (ext && ALL_EXTENSIONS.has(ext) && !(kind === 'txt' && ext === 'csv')) {
    return { ok: false, reason: `the content is ${kind.toUpperCase()} but the name ends in .${ext}` };
  }
  return { ok: true, name: sanitizeFileName(`${fileName}.${EXTENSIONS[kind][0]}`) };
}
