import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { signIn } from './login';
import { RunningServer, startServer } from './server';

export interface BrowserSessionOptions {
  /** Environment for the built product (see startServer). */
  env?: Record<string, string>;
  /** Options of every browser profile on top of a 1280×900 viewport and the zh-CN locale, e.g. `{ acceptDownloads: true }`. */
  contextOptions?: BrowserContextOptions;
  /** Record page errors as `email: message` (for tests where several people's pages are open at once). */
  pageErrorsByPerson?: boolean;
}

export interface SignedInPerson {
  context: BrowserContext;
  page: Page;
}

export interface BrowserSessions {
  /** The running product; `server.url` can be read in tests and hooks (after the product has started). */
  server: { readonly url: string };
  /** The uncaught errors of every page opened here; tests expect it to stay empty. */
  pageErrors: string[];
  /** A fresh browser profile (its own cookies) signed in as `email`; `beforeSignIn` can watch the page from its start. */
  personAt(email: string, beforeSignIn?: (page: Page) => void): Promise<SignedInPerson>;
  /** The page of a fresh browser profile signed in as `email`. */
  as(email: string): Promise<Page>;
  /** GraphQL over HTTP with the session cookie of `page`'s profile; throws on GraphQL errors. */
  graphql<T = any>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * The built product and Chromium for the browser tests of one `describe`: starts both in `beforeAll`,
 * and in `afterAll` closes the profiles opened through `personAt`/`as`, Chromium and the product.
 * Call it at the top of the `describe` (before hooks that sign people in).
 */
export function useBrowserSessions(options: BrowserSessionOptions = {}): BrowserSessions {
  let running: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    running = await startServer(options.env);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await running?.stop();
  });

  const server = {
    get url(): string {
      if (!running) throw new Error('the product is not running yet: read server.url inside a test or hook');
      return running.url;
    },
  };

  async function personAt(email: string, beforeSignIn?: (page: Page) => void): Promise<SignedInPerson> {
    if (!browser) throw new Error('Chromium is not running yet: sign people in inside a test or hook');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', ...options.contextOptions });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(options.pageErrorsByPerson ? `${email}: ${error.message}` : error.message));
    beforeSignIn?.(page);
    await signIn(page, server.url, email);
    return { context, page };
  }

  async function graphql<T = any>(page: Page, query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await page.request.post(`${server.url}/graphql`, { data: { query, variables } });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  return {
    server,
    pageErrors,
    personAt,
    as: async (email) => (await personAt(email)).page,
    graphql,
  };
}
