/**
 * Bytes on the wire for the sign-in page and a proposal page (with its editor), loaded in Chromium
 * with a cold cache, three times: asking for brotli as Chromium does over HTTPS, as Chromium asks
 * over plain HTTP (gzip, deflate: this bench server has no TLS), and without compression
 * (Accept-Encoding: identity) as the baseline. Counts every response's encoded
 * length (headers and body) from the DevTools network events; the WebSockets are not counted.
 *
 *   npm run build && npm run bench:assets
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { API_MAIN, graphql, signIn, startApi } from './bench-support';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGETS_KB = { 'sign-in page': 350, 'proposal page': 700 } as const;
type PageName = keyof typeof TARGETS_KB;

interface Transfer {
  bytes: number;
  responses: number;
}

const ACCEPT_ENCODING = { brotli: 'br, gzip, deflate', http: null, identity: 'identity' } as const;
type Encoding = keyof typeof ACCEPT_ENCODING;

async function transferredBytes(context: BrowserContext, encoding: Encoding, open: (page: Page) => Promise<void>): Promise<Transfer> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const acceptEncoding = ACCEPT_ENCODING[encoding];
  if (acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });
  const transfer: Transfer = { bytes: 0, responses: 0 };
  cdp.on('Network.loadingFinished', (event) => {
    transfer.bytes += event.encodedDataLength;
    transfer.responses += 1;
  });
  await open(page);
  await page.waitForLoadState('networkidle');
  await page.close();
  return transfer;
}

async function main(): Promise<void> {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run \`npm run build\` first`);
  const server = await startApi({ NODE_ENV: 'production', SESSION_SECRET: 'bench-secret-that-is-long-enough-0123456789', COOKIE_SECURE: 'false' });
  let browser: Browser | undefined;
  try {
    const cookie = await signIn(server.url, 'zhangjie@jianyan.demo');
    const { proposals } = await graphql(server.url, cookie, '{ proposals(first: 1) { nodes { id } } }');
    const proposalId: string = proposals.nodes[0].id;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });

    const pages: Record<PageName, (context: BrowserContext) => (page: Page) => Promise<void>> = {
      'sign-in page': () => async (page) => {
        await page.goto(`${server.url}/login`);
        await page.getByTestId('login-submit').waitFor();
      },
      'proposal page': (context) => async (page) => {
        const [name, value] = cookie.split('; ')[0].split('=');
        await context.addCookies([{ name, value, url: server.url }]);
        await page.goto(`${server.url}/proposals/${proposalId}`);
        await page.locator('[data-testid=proposal-editor] .ProseMirror').waitFor();
      },
    };

    const kB = (bytes: number) => (bytes / 1000).toFixed(1);
    console.log(`assets: bytes on the wire, cold cache, Chromium (${CHROMIUM_PATH})`);
    console.log('page            brotli (as HTTPS)   gzip (Chromium over HTTP)   uncompressed   responses   br/none   target   result');
    for (const [name, open] of Object.entries(pages) as [PageName, (typeof pages)[PageName]][]) {
      const measure = async (encoding: Encoding) => {
        const context = await browser!.newContext({ locale: 'zh-CN' });
        try {
          return await transferredBytes(context, encoding, open(context));
        } finally {
          await context.close();
        }
      };
      const brotli = await measure('brotli');
      const http = await measure('http');
      const baseline = await measure('identity');
      const target = TARGETS_KB[name];
      console.log(
        [
          name.padEnd(15),
          `${kB(brotli.bytes)} kB`.padStart(17),
          `${kB(http.bytes)} kB`.padStart(27),
          `${kB(baseline.bytes)} kB`.padStart(14),
          String(brotli.responses).padStart(11),
          (brotli.bytes / baseline.bytes).toFixed(2).padStart(9),
          `${target} kB`.padStart(8),
          Math.max(brotli.bytes, http.bytes) / 1000 < target ? '   ok' : '   OVER',
        ].join(' '),
      );
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
