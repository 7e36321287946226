import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';
import { PRECOMPRESS_MIN_BYTES, PRECOMPRESSED_SUFFIX, type PrecompressedEncoding } from '../shared/src/precompressed-assets';

const TEXT_FILES = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

const compressors: Record<PrecompressedEncoding, (content: Buffer) => Promise<Buffer>> = {
  // the highest levels: the build pays once, every download gains
  br: (content) => promisify(brotliCompress)(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
  gzip: (content) => promisify(gzip)(content, { level: constants.Z_BEST_COMPRESSION }),
};

/** Writes `x.br` and `x.gz` beside each text file of the build, for the API to serve as they are. */
export function precompressBuild(): Plugin {
  return {
    name: 'jianyan-precompress',
    apply: 'build',
    async writeBundle(options) {
      const outDir = options.dir;
      if (!outDir) return;
      const files = (await readdir(outDir, { recursive: true, encoding: 'utf8' })).filter((file) => TEXT_FILES.test(file));
      await Promise.all(files.map((file) => precompress(path.join(outDir, file))));
    },
  };
}

async function precompress(file: string): Promise<void> {
  if ((await stat(file)).size < PRECOMPRESS_MIN_BYTES) return;
  const content = await readFile(file);
  await Promise.all(
    (Object.keys(compressors) as PrecompressedEncoding[]).map(async (encoding) => writeFile(`${file}${PRECOMPRESSED_SUFFIX[encoding]}`, await compressors[encoding](content))),
  );
}
