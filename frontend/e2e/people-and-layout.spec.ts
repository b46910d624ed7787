import { expect, type APIRequestContext, type Page, test } from '@playwright/test';

import { DEMO, DEMO_PASSWORD, field, loginAs, select } from './helpers';

/** A bearer token of a demo account, for setting up records through the API. */
async function tokenOf(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/v1/auth/token', { form: { username: email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  return (await response.json()).access_token;
}

/** Whether the page is no wider than the window (nothing pushed it sideways). */
const pageFits = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

test('an invitation is resent from the account and the toast leaves the header free', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await page.goto('/users/new');
  const email = `invite.${Date.now()}@example.org`;
  await field(page, 'Adresse e-mail').fill(email);
  await field(page, 'Nom complet').fill('Camille Invitée');
  await page.getByRole('combobox', { name: 'Rôle' }).click();
  await page.getByRole('option', { name: 'Référent', exact: true }).click();
  // A referent: the form says how the network's coordination is made.
  await expect(page.getByText(/Pour la coordination d'un réseau de référents/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Rôle' }).click();
  await page.getByRole('option', { name: 'Acheteur', exact: true }).click();
  await select(page, 'Organisation').fill('Habitat');
  await page.getByRole('option', { name: /Val de Loire Habitat/ }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText(/Invitation en attente/)).toBeVisible();
  await page.getByRole('button', { name: "Renvoyer l'invitation" }).click();
  const toast = page.locator('.mantine-Notification-root').filter({ hasText: 'Un nouveau lien a été envoyé' });
  await expect(toast).toBeVisible();
  // Bottom right: below the header's language switch and account menu.
  const header = await page.locator('header').boundingBox();
  const box = await toast.boundingBox();
  expect(box && header && box.y > header.y + header.height).toBe(true);
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page.locator('#history-title').locator('..').getByText(/Invitation envoyée/).first()).toBeVisible();
});

test('a deactivation reads "Compte désactivé", without internal counters', async ({ page, request }) => {
  const admin = await tokenOf(request, DEMO.admin.email);
  const organisations = await request.get('/api/v1/organisations?kind=buyer&limit=1', {
    headers: { Authorization: `Bearer ${admin}` },
  });
  const [buyer] = (await organisations.json()).items;
  const created = await request.post('/api/v1/users', {
    headers: { Authorization: `Bearer ${admin}` },
    data: { email: `leaving.${Date.now()}@example.org`, full_name: 'Léo Départ', role: 'buyer', organisation_id: buyer.id },
  });
  const user = await created.json();
  await loginAs(page, DEMO.admin);
  await page.goto(`/users/${user.id}`);
  await page.getByRole('button', { name: 'Désactiver le compte' }).click();
  const history = page.locator('section[aria-labelledby="history-title"]');
  await expect(history.getByText('Compte désactivé')).toBeVisible();
  await expect(history.getByText(/Version des sessions|token_version|search_name/)).toHaveCount(0);
});

test('the network coordination is told apart in the accounts list and on the account', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await page.goto('/users?q=Petit');
  const row = page.getByRole('row').filter({ hasText: 'Élodie Petit' });
  await expect(row.getByText('Coordination du réseau de référents')).toBeVisible();
  await row.getByRole('link', { name: 'Élodie Petit' }).click();
  await expect(page.getByTestId('network-coordinator')).toContainText('Coordination du réseau de référents');
});

test('SIRETs read the same in the list, the form and the pickers', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await page.goto('/organisations');
  const cell = page.getByRole('table').locator('td .mono').filter({ hasText: /^\d{3} \d{3} \d{3} \d{5}$/ }).first();
  await expect(cell).toBeVisible();
  await expect(page.getByRole('table').getByText(/^\d{14}$/)).toHaveCount(0);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(field(page, 'SIRET')).toHaveValue(/^(\d{3} \d{3} \d{3} \d{5})?$/);
});

test('the API documentation is offered to the roles that integrate, not to enterprises', async ({ page }) => {
  await loginAs(page, DEMO.enterprise);
  await page.getByTestId('user-menu').click();
  await expect(page.getByRole('menuitem', { name: 'Mon compte' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: "Documentation de l'API" })).toHaveCount(0);
});

test('a 250-character word wraps on the tender, lot and audit pages instead of widening them', async ({ page, request }) => {
  const buyer = await tokenOf(request, DEMO.buyer.email);
  const headers = { Authorization: `Bearer ${buyer}` };
  const [structure] = await (await request.get('/api/v1/organisations/structures', { headers })).json();
  const word = 'x'.repeat(250);
  const tender = await request.post('/api/v1/tenders', {
    headers,
    data: {
      structure_id: structure.id,
      reference: `LONG-${Date.now() % 1_000_000}`,
      object: `Objet ${word}`,
      procedure: 'open_tender',
      ccag: 'works',
      price_form: 'lump_sum',
      cpv_code: '45000000-7',
      place_of_execution: { level: 'commune', code: '37261' },
    },
  });
  expect(tender.ok(), await tender.text()).toBe(true);
  const { id } = await tender.json();
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, DEMO.buyer);
  await page.goto(`/tenders/${id}`);
  await expect(page.getByText(word, { exact: false }).first()).toBeVisible();
  expect(await pageFits(page)).toBe(true);
  const addLot = page.getByRole('button', { name: 'Ajouter un lot' });
  if (await addLot.isVisible()) {
    await addLot.click();
    await field(page, 'Intitulé').fill(`Lot ${word}`);
    expect(await pageFits(page)).toBe(true);
  }
  await page.screenshot({ path: test.info().outputPath('long-word-tender.png'), fullPage: true });
});

test('the audit log names the lot of an edit, and says a reversed period', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await page.goto('/audit?entity_type=lot&action=updated');
  const first = page.getByRole('table').getByRole('row').nth(1);
  await expect(first.getByRole('cell').nth(3)).toContainText(/Lot · \S/);
  await page.getByRole('textbox', { name: 'Du', exact: true }).fill('10/12/2090');
  await page.keyboard.press('Tab');
  await page.getByRole('textbox', { name: 'Au', exact: true }).fill('01/12/2090');
  await page.keyboard.press('Tab');
  // Both at once: the start is after today, and the range is reversed.
  await expect(page.getByText(/Ce jour est après aujourd'hui/)).toBeVisible();
  await expect(page.getByText('La fin de la période précède son début.')).toBeVisible();
});
