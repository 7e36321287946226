/**
 * The web build writes each text file of the app compressed beside it (`x.js.br`, `x.js.gz`) and
 * the API serves those to clients that accept the encoding: both follow this naming.
 */
export const PRECOMPRESSED_ENCODINGS = ['br', 'gzip'] as const;
export type PrecompressedEncoding = (typeof PRECOMPRESSED_ENCODINGS)[number];

export const PRECOMPRESSED_SUFFIX: Record<PrecompressedEncoding, string> = { br: '.br', gzip: '.gz' };

/** Smaller files gain too little from compression to be worth a second file. */
export const PRECOMPRESS_MIN_BYTES = 1024;
