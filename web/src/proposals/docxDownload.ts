const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Where the API serves the proposal as a formal Word document (same origin, session cookie). */
export const docxExportUrl = (proposalId: string): string => `/export/proposals/${encodeURIComponent(proposalId)}.docx`;

export type DocxDownloadFailure = 'UNAUTHENTICATED' | 'NOT_FOUND' | 'FAILED';

/** The file name from `Content-Disposition` (RFC 6266: `filename*` first), ending in .docx. */
export function docxFileName(disposition: string | null, fallback: string): string {
  let name: string | null = null;
  const extended = disposition ? /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition) : null;
  if (extended) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (!name && disposition) name = /filename\s*=\s*"([^"]+)"/.exec(disposition)?.[1] ?? /filename\s*=\s*([^;]+)/.exec(disposition)?.[1]?.trim() ?? null;
  name = (name ?? fallback).replace(/[\\/:*?"<>|\n\r]+/g, ' ').trim() || fallback;
  return /\.docx$/i.test(name) ? name : `${name}.docx`;
}

/**
 * Downloads the Word document through fetch, asking for DOCX explicitly: a navigation asks for
 * HTML, which the server's web-app fallback may answer with the app's page instead of the file,
 * and a failed request would otherwise leave the page. Saves it under the server's file name.
 */
export async function downloadDocx(proposalId: string): Promise<{ ok: true } | { ok: false; failure: DocxDownloadFailure }> {
  let response: Response;
  try {
    response = await fetch(docxExportUrl(proposalId), { credentials: 'same-origin', headers: { Accept: DOCX } });
  } catch {
    return { ok: false, failure: 'FAILED' };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, failure: 'UNAUTHENTICATED' };
  if (response.status === 404) return { ok: false, failure: 'NOT_FOUND' };
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || !type.includes('wordprocessingml')) return { ok: false, failure: 'FAILED' };
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = docxFileName(response.headers.get('content-disposition'), proposalId);
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true };
}
