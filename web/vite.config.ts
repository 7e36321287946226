import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import { precompressBuild } from './precompress';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://127.0.0.1:3000';
const toApi = (ws: boolean): ProxyOptions => ({ target: api, ws, changeOrigin: false });
const sharedSrc = path.resolve(webRoot, '../shared/src');

/**
 * The shared code is pure (no side effects at import). Telling Rollup so lets it drop what a page
 * does not use from the `@jianyan/shared` barrel (e.g. the editor schema and its tiptap imports).
 */
function sharedHasNoSideEffects(): Plugin {
  return {
    name: 'jianyan-shared-side-effect-free',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer?.startsWith(sharedSrc) && source !== '@jianyan/shared') return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !resolved.id.startsWith(sharedSrc)) return resolved;
      return { ...resolved, moduleSideEffects: false };
    },
  };
}

// Run from the workspace root: `vite --config web/vite.config.ts` (dev, port 5173)
// and `vite build --config web/vite.config.ts` (output dist/web, served by the API).
export default defineConfig({
  root: webRoot,
  plugins: [sharedHasNoSideEffects(), react(), precompressBuild()],
  resolve: {
    alias: { '@jianyan/shared': path.resolve(webRoot, '../shared/src/index.ts') },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': toApi(true),
      '/health': toApi(false),
      '/collab': toApi(true),
      '/export': toApi(false),
      '^/evidence/[^/]+/attachments': toApi(false),
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: path.resolve(webRoot, '../dist/web'),
    emptyOutDir: true,
    // no source maps: the built app is served as is to everyone, and maps would publish the source
    sourcemap: false,
    rollupOptions: {
      output: {
        // Long-lived vendor chunks, so a change to the app does not invalidate them.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          if (/node_modules\/(@apollo|graphql|graphql-tag|optimism|@wry|zen-observable-ts|symbol-observable|ts-invariant|tslib|rehackt)\//.test(id)) return 'apollo';
          if (/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          return undefined;
        },
      },
    },
  },
});
