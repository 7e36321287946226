import type { Page } from 'playwright-core';

/**
 * A screenshot of the whole page with the viewport as tall as the page, so that the sticky parts
 * (top bar, a form's actions) sit where a reader sees them; the viewport is put back after.
 */
export async function fullShot(page: Page, path: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(height, size.height) });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path });
  await page.setViewportSize(size);
}
