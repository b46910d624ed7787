import { expect, test } from '@playwright/test';

import { DEMO, DEMO_PASSWORD, login } from './helpers';

/** A fresh account made through the API, so changing its language touches no shared account. */
async function freshUser(request: import('@playwright/test').APIRequestContext) {
  const token = await request.post('/api/v1/auth/token', {
    form: { username: DEMO.admin.email, password: DEMO_PASSWORD },
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${access_token}` };
  const organisations = await request.get('/api/v1/organisations?kind=buyer&active=true&limit=1', { headers });
  const [organisation] = ((await organisations.json()) as { items: { id: string }[] }).items;
  const email = `langue.${Date.now()}@example.org`;
  const created = await request.post('/api/v1/users', {
    headers,
    data: { email, full_name: 'Lou Langue', role: 'buyer', organisation_id: organisation.id, language: 'fr', password: DEMO_PASSWORD },
  });
  expect(created.status()).toBe(201);
  return email;
}

test('the language chosen in the header is kept in the profile', async ({ page, request, browser }) => {
  const email = await freshUser(request);
  await login(page, email);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Lou Langue' })).toBeVisible();
  await page.getByRole('banner').getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello Lou Langue' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Another browser (no local preference, no session) opens in the profile's language.
  const elsewhere = await browser.newContext({ locale: 'fr-FR', baseURL: test.info().project.use.baseURL });
  const other = await elsewhere.newPage();
  await login(other, email);
  await expect(other.getByRole('heading', { level: 1, name: 'Hello Lou Langue' })).toBeVisible();
  await other.getByRole('link', { name: 'My account' }).first().click();
  await expect(other.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await elsewhere.close();
});

test.describe('in a browser set to English', () => {
  test.use({ locale: 'en-US' });

  test('the sign-in page follows the browser until a language is chosen', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByText('FR', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
    // The choice is kept in this browser over its own language.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  });
});
