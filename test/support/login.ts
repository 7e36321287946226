import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'jianyan-demo-2026';

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, baseUrl: string, identifier: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-identifier').fill(identifier);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user-name').waitFor();
}
