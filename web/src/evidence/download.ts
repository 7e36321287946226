/**
 * Downloads a file the API serves (exports) through fetch, so that a failure is explained on the
 * page instead of leaving it, and saves it under the server's file name (RFC 6266 `filename*`).
 */
export type DownloadFailure = 'UNAUTHENTICATED' | 'FAILED';

export function fileNameOf(disposition: string | null, fallback: string): string {
  let name: string | null = null;
  const extended = disposition ? /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition) : null;
  if (extended) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (!name && disposition) name = /filename\s*=\s*"([^"]+)"/.exec(disposition)?.[1] ?? null;
  return (name ?? fallback).replace(/[\\/:*?"<>|\n\r]+/g, ' ').trim() || fallback;
}

export async function downloadFile(url: string, accept: string, fallbackName: string): Promise<{ ok: true } | { ok: false; failure: DownloadFailure }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: accept } });
  } catch {
    return { ok: false, failure: 'FAILED' };
  }
  if (response.status === 401) return { ok: false, failure: 'UNAUTHENTICATED' };
  if (!response.ok) return { ok: false, failure: 'FAILED' };
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { ok: true };
}
