import { expect, test } from '@playwright/test';

import { DEMO, field, login, loginAs, logout } from './helpers';

const ROLES = [
  { who: DEMO.admin, directory: true },
  { who: DEMO.facilitator, directory: true },
  { who: DEMO.buyer, directory: false },
  { who: DEMO.enterprise, directory: false },
  { who: DEMO.referent, directory: false },
];

for (const { who, directory } of ROLES) {
  test(`${who.email} signs in and sees the navigation of the role`, async ({ page }) => {
    await loginAs(page, who);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav.getByRole('link', { name: 'Accueil' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Mon compte' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Organisations' })).toHaveCount(directory ? 1 : 0);
    await expect(nav.getByRole('link', { name: 'Utilisateurs' })).toHaveCount(directory ? 1 : 0);
    if (!directory) {
      await page.goto('/organisations');
      await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
    }
    await logout(page);
  });
}

test('a wrong password shows the error and keeps the person on the sign-in page', async ({ page }) => {
  await login(page, DEMO.buyer.email, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/login$/);
});

test('the sign-in form checks its fields before sending', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Ce champ est obligatoire.')).toHaveCount(2);
  await field(page, 'Adresse e-mail').fill('pas-une-adresse');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Saisissez une adresse e-mail valide')).toBeVisible();
  await expect(field(page, 'Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
});

test('the session survives a reload (rotating refresh token) and ends at sign-out', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${DEMO.facilitator.name}` })).toBeVisible();
  await logout(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login$/);
});

test('a session whose refresh token was revoked goes back to sign-in', async ({ page, context }) => {
  await loginAs(page, DEMO.buyer);
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'levier_refresh');
  await context.addCookies([{ ...cookie, value: 'revoked-or-forged-token-value' }]);
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
});

test('no script on the page can read the refresh token', async ({ page, context }) => {
  await loginAs(page, DEMO.referent);
  const [cookie] = (await context.cookies()).filter((c) => c.name === 'levier_refresh');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
  const visible = await page.evaluate(() => ({
    cookies: document.cookie,
    storage: JSON.stringify({ ...localStorage, ...sessionStorage }),
  }));
  expect(visible.cookies).not.toContain('levier_refresh');
  expect(visible.storage).not.toContain(cookie.value);
});

test('the forgotten-password form answers without telling whether the account exists', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await field(page, 'Adresse e-mail').fill(`nobody.${Date.now()}@example.org`);
  await page.getByRole('button', { name: 'Envoyer le lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Si un compte existe' })).toBeVisible();
});

test('the interface switches to English', async ({ page }) => {
  await page.goto('/login');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByText('FR', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
});

test('the app runs under a Content-Security-Policy that refuses injected scripts', async ({ page }) => {
  const response = await page.goto('/login');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.addScriptTag({ content: 'window.injected = true' })).rejects.toThrow(/Content Security Policy/);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});

test('signing out in one tab signs the other tabs out and leaves no list on screen', async ({ context }) => {
  const first = await context.newPage();
  await loginAs(first, DEMO.referent);
  const second = await context.newPage();
  await second.goto('/participants');
  await expect(second.getByRole('table')).toBeVisible();
  await logout(first);
  await expect(second).toHaveURL(/\/login$/);
  await expect(second.getByRole('table')).toHaveCount(0);
  await expect(second.getByText('Votre session a été fermée dans un autre onglet')).toBeVisible();
  // The list's address, typed again, asks for a sign-in (it replaced the page in the history).
  await second.goto('/participants');
  await expect(second).toHaveURL(/\/login$/);
});

test('a session ended elsewhere sends the page to sign-in at its next call, with a message', async ({ page, context }) => {
  await loginAs(page, DEMO.referent);
  await page.getByRole('link', { name: 'Participants' }).first().click();
  await expect(page.getByRole('table')).toBeVisible();
  // The server ends the session (as after a password change on another device), and no tab
  // is told: only the next call finds out.
  const ended = await context.request.post('/api/v1/auth/logout', { headers: { 'X-Levier-Session': 'cookie' } });
  expect(ended.status()).toBe(204);
  await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('Votre session a expiré : reconnectez-vous.')).toBeVisible();
  await expect(page.getByText('Jeton d’accès invalide ou expiré')).toHaveCount(0);
  await expect(page.getByText("Jeton d'accès invalide ou expiré")).toHaveCount(0);
});

test('two tabs reloading at once both resume their shared session', async ({ context }) => {
  const first = await context.newPage();
  await loginAs(first, DEMO.buyer);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByRole('heading', { level: 1, name: `Bonjour ${DEMO.buyer.name}` })).toBeVisible();
  await Promise.all([first.reload(), second.reload()]);
  for (const tab of [first, second]) {
    await expect(tab.getByRole('heading', { level: 1, name: `Bonjour ${DEMO.buyer.name}` })).toBeVisible();
  }
  await first.reload();
  await expect(first.getByRole('heading', { level: 1, name: `Bonjour ${DEMO.buyer.name}` })).toBeVisible();
});

test('a throttled sign-in counts the wait down and keeps the button off meanwhile', async ({ page }) => {
  // An address that does not exist: no demo account is slowed for the tests after this one.
  const email = `personne-${Date.now()}@levier.demo`;
  await page.goto('/login');
  await field(page, 'Adresse e-mail').fill(email);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await field(page, 'Mot de passe').fill(`mauvais-mot-de-passe-${attempt}`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByText('Adresse e-mail ou mot de passe incorrect.')).toBeVisible();
  }
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const wait = page.getByTestId('login-wait');
  await expect(wait).toContainText(/Nouvel essai possible dans \d+ secondes?\./);
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeDisabled();
  const first = Number((await wait.innerText()).match(/\d+/)![0]);
  await expect
    .poll(async () => Number((await wait.innerText()).match(/\d+/)?.[0] ?? first), { timeout: 5000 })
    .toBeLessThan(first);
});
