import compression from 'compression';
import type { Request, Response } from 'express';

/**
 * Compresses text responses (GraphQL JSON, HTML, and any script or style without a precompressed
 * file) with brotli or gzip, as the client's Accept-Encoding allows, and adds `Vary: Accept-Encoding`.
 *
 * Downloads (`Content-Disposition: attachment`: evidence attachments, exports) go out as stored:
 * they are user files, sent with their own length, and most of them (PDF, DOCX, XLSX, images) are
 * compressed already. Types that are compressed by nature are left alone by the library's filter.
 *
 * BREACH: a compressed body leaks, through its length, how much a secret in it resembles text an
 * attacker put next to it, if the attacker can make the victim's browser repeat the request. Our
 * session cookie is a header, not in a body; GraphQL answers only same-site requests with a JSON or
 * a custom header (Apollo's CSRF prevention, SameSite=Lax cookie), so another site cannot replay
 * them with the victim's session; index.html and the assets carry no secret.
 */
export function responseCompression() {
  return compression({
    filter: (req: Request, res: Response) => !isDownload(res) && compression.filter(req, res),
  });
}

function isDownload(res: Response): boolean {
  const disposition = res.getHeader('Content-Disposition');
  return typeof disposition === 'string' && /^\s*attachment\b/i.test(disposition);
}
