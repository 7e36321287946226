import type { NextFunction, Request, Response } from 'express';
import Negotiator from 'negotiator';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PRECOMPRESSED_ENCODINGS, PRECOMPRESSED_SUFFIX, type PrecompressedEncoding } from '@jianyan/shared';

/** The encodings of each file of the built app that the build wrote compressed beside it, by URL path. */
type Variants = Map<string, PrecompressedEncoding[]>;

/**
 * Serves `x.js.br` / `x.js.gz` (written by the web build) in place of `x.js` when the client accepts
 * that encoding, with the type of `x.js`, `Content-Encoding` and `Vary: Accept-Encoding`: no
 * compression work per request. Leaves the request to the static files otherwise.
 */
export function precompressedVariants(webDist: string) {
  const variants = findVariants(webDist);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const available = variants.get(req.path);
    if (!available) return next();
    res.vary('Accept-Encoding');
    const encoding = new Negotiator(req).encoding([...available, 'identity']);
    if (!encoding || encoding === 'identity') return next();
    const variant = encoding as PrecompressedEncoding;
    res.type(path.extname(req.path));
    res.setHeader('Content-Encoding', variant);
    req.url = req.url.replace(req.path, `${req.path}${PRECOMPRESSED_SUFFIX[variant]}`);
    next();
  };
}

function findVariants(webDist: string): Variants {
  const files = new Set(readdirSync(webDist, { recursive: true, encoding: 'utf8' }).map((file) => `/${file.split(path.sep).join('/')}`));
  const variants: Variants = new Map();
  for (const file of files) {
    const available = PRECOMPRESSED_ENCODINGS.filter((encoding) => files.has(`${file}${PRECOMPRESSED_SUFFIX[encoding]}`));
    if (available.length > 0) variants.set(file, available);
  }
  return variants;
}
