import { expect, test } from '@playwright/test';

import { DEMO, loginAs, logout, openNav, select, seriousViolations } from './helpers';

test('the admin reads the audit log, filtered by author, record type and day', async ({ page }) => {
  // A change by the facilitator to find afterwards: the description of an operation.
  const description = `Revue ${Date.now().toString().slice(-6)}`;
  await loginAs(page, DEMO.facilitator);
  await openNav(page, 'Opérations');
  await page.getByRole('table').getByRole('link', { name: /NPNRU Quartiers Nord/ }).click();
  await page.getByRole('button', { name: "Modifier l'opération" }).click();
  await page.getByRole('region', { name: "Modifier l'opération" }).getByLabel(/^Description/).fill(description);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(description)).toBeVisible();
  await logout(page);

  await loginAs(page, DEMO.admin);
  await openNav(page, "Journal d'audit");
  await expect(page.getByRole('heading', { level: 1, name: "Journal d'audit" })).toBeVisible();
  const log = page.getByRole('table', { name: "Journal d'audit" });
  await expect(log.getByRole('row').nth(1)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await select(page, 'Auteur').fill('Karim');
  await page.getByRole('option', { name: DEMO.facilitator.name }).click();
  await select(page, 'Type de fiche').click();
  await page.getByRole('option', { name: 'Opération', exact: true }).click();
  const first = log.getByRole('row').nth(1);
  await expect(first).toContainText(DEMO.facilitator.name);
  await expect(first).toContainText('Modification');
  await expect(first).toContainText('Description');
  for (const row of await log.getByRole('row').all()) {
    const record = row.locator('td[data-label="Fiche"]');
    if (await record.count()) await expect(record).toContainText('Opération');
  }
  // The record's own history, then back to every record.
  await first.getByRole('button', { name: 'Historique de cette fiche' }).click();
  await expect(page.getByText("Historique d'une seule fiche :")).toBeVisible();
  await page.getByRole('button', { name: 'Revenir à toutes les fiches' }).click();

  // Days: today keeps the change, a period that ends before it starts is said so.
  const today = new Date();
  const typed = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  await page.getByLabel('Du', { exact: true }).fill(typed);
  await expect(log.getByRole('row').nth(1)).toContainText('Description');
  await page.getByLabel('Au', { exact: true }).fill('01/01/2020');
  await expect(page.getByLabel('Au', { exact: true })).toHaveAccessibleDescription('La fin de la période précède son début.');
  await expect(page.getByText('Aucun résultat.')).toBeVisible();
});

test('the audit log is the admin\'s only', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Journal d'audit" })).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
});

test('the audit log filters by action, names who signed in, and says which date is wrong', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await logout(page);
  await loginAs(page, DEMO.admin);
  await openNav(page, "Journal d'audit");
  const log = page.getByRole('table', { name: "Journal d'audit" });
  await select(page, 'Action').click();
  await page.getByRole('option', { name: 'Connexion', exact: true }).click();
  await expect(page).toHaveURL(/action=signed_in/);
  const first = log.getByRole('row').nth(1);
  await expect(first).toContainText('Connexion');
  // A sign-in names the account, not only its type.
  await expect(log.getByRole('link', { name: `Utilisateur · ${DEMO.facilitator.name}` }).first()).toBeVisible();
  for (const row of (await log.getByRole('row').all()).slice(1)) {
    await expect(row.locator('td[data-label="Action"]')).toHaveText('Connexion');
  }

  // Text that is no date says so; with it, the end of the period is not said to precede it.
  await page.getByLabel('Du', { exact: true }).fill('abc');
  await page.getByLabel('Au', { exact: true }).fill('31/12/2090');
  await page.getByLabel('Au', { exact: true }).press('Tab');
  await expect(page.getByLabel('Du', { exact: true })).toHaveAccessibleDescription(/« abc » n'est pas une date/);
  await expect(page.getByLabel('Au', { exact: true })).not.toHaveAccessibleDescription(/précède/);
  await expect(first).toContainText('Connexion');
  await page.getByRole('search').screenshot({ path: 'test-results/audit-filters.png' });
  // A start after today: nothing can be logged from then yet.
  await page.getByLabel('Du', { exact: true }).fill('01/01/2090');
  await page.getByLabel('Du', { exact: true }).press('Tab');
  await expect(page.getByLabel('Du', { exact: true })).toHaveAccessibleDescription(/après aujourd'hui/);
  await expect(first).toContainText('Connexion');
});
