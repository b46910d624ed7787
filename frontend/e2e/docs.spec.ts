import { expect, test } from '@playwright/test';

import { DEMO, loginAs } from './helpers';

test('the API documentation renders the OpenAPI 3.1 document under the strict policy', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text());
  });
  await page.goto('/api/docs');
  // An operation of the document, and its tag, are drawn (Swagger UI 4 showed an error instead).
  await expect(page.getByRole('heading', { name: /Levier/ }).first()).toBeVisible();
  const health = page.locator('.opblock-summary-path', { hasText: '/api/v1/health' }).first();
  await expect(health).toBeVisible();
  await expect(page.getByText('Unable to render this definition')).toHaveCount(0);
  // Opening an operation shows its description and its responses.
  await health.click();
  await expect(page.locator('.opblock.is-open .responses-wrapper').first()).toBeVisible();
  expect(refused.filter((text) => /Content Security Policy|Refused/.test(text))).toEqual([]);
});

test('the user menu links to the API documentation', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await page.getByTestId('user-menu').click();
  const link = page.getByRole('menuitem', { name: "Documentation de l'API" });
  await expect(link).toHaveAttribute('href', '/api/docs');
});
