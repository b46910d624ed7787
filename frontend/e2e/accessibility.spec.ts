import { expect, test } from '@playwright/test';

import { DEMO, loginAs, openNav, seriousViolations } from './helpers';

test('the sign-in pages have no serious accessibility violation', async ({ page }) => {
  for (const [path, heading] of [
    ['/login', 'Connexion'],
    ['/forgot-password', 'Mot de passe oublié'],
    ['/reset-password?token=x', 'Choisir un nouveau mot de passe'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

const PAGES = [
  { path: '/', heading: `Bonjour ${DEMO.admin.name}` },
  { path: '/account', heading: 'Mon compte' },
  { path: '/organisations', heading: 'Organisations' },
  { path: '/organisations/new', heading: 'Nouvelle organisation' },
  { path: '/users', heading: 'Utilisateurs' },
  { path: '/users/new', heading: 'Nouvel utilisateur' },
];

test('the signed-in pages have no serious accessibility violation', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  for (const { path, heading } of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test('the edit forms (with their history) have no serious accessibility violation', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  for (const [list, heading] of [
    ['/organisations', "Modifier l'organisation"],
    ['/users', "Modifier l'utilisateur"],
  ]) {
    await page.goto(list);
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), heading).toEqual([]);
  }
});

test('a read-only role sees the directory without edit controls', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await page.goto('/organisations');
  await expect(page.getByRole('link', { name: 'Nouvelle organisation' })).toHaveCount(0);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: "Fiche de l'organisation" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Désactiver' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  // An account the facilitator may read but not change: no field to type in, no button.
  await page.goto('/users');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: "Fiche de l'utilisateur" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Désactiver le compte' })).toHaveCount(0);
  await expect(page.getByLabel(/^Nom complet/)).toHaveAttribute('readonly', '');
  expect(await seriousViolations(page), 'read-only account').toEqual([]);
});

test("the admin's own account offers no deactivation; another's does, with organisations of its role", async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await page.goto('/users');
  await page.getByRole('table').getByRole('link', { name: DEMO.admin.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Modifier l'utilisateur" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Désactiver le compte' })).toHaveCount(0);
  await page.goto('/users');
  await page.getByRole('table').getByRole('link', { name: DEMO.enterprise.name }).click();
  await expect(page.getByRole('button', { name: 'Désactiver le compte' })).toBeVisible();
  // The organisation picker offers the kinds the API gives for the role (enterprises here).
  const organisation = page.getByRole('combobox', { name: 'Organisation', exact: true });
  await organisation.click();
  await organisation.fill('');
  await expect(page.getByRole('option', { name: 'Maçonnerie de Touraine SARL' })).toBeVisible();
  await expect(page.getByRole('option', { name: /Val de Loire Habitat/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the operation, tender and lot pages have no serious accessibility violation', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  for (const [path, heading] of [
    ['/operations', 'Opérations'],
    ['/tenders', 'Marchés'],
    ['/tenders/new', 'Nouveau marché'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.goto('/operations');
  await page.getByRole('table').getByRole('link', { name: /NPNRU Quartiers Nord/ }).click();
  await expect(page.getByTestId('operation-summary')).toBeVisible();
  expect(await seriousViolations(page), 'operation').toEqual([]);
  await page.getByRole('button', { name: "Modifier l'opération" }).click();
  await expect(page.getByRole('region', { name: "Modifier l'opération" })).toBeVisible();
  expect(await seriousViolations(page), 'operation edit').toEqual([]);
  await page.goto('/tenders');
  await page.getByRole('link', { name: 'VLH-REHA-120' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /VLH-REHA-120/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), 'tender').toEqual([]);
  await page.getByRole('link', { name: 'Modifier le marché' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier le marché VLH-REHA-120' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), 'tender edit').toEqual([]);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByTestId('estimate-hours')).toBeVisible();
  await expect(page.getByTestId('article')).toBeVisible();
  expect(await seriousViolations(page), 'lot').toEqual([]);
  await page.getByRole('button', { name: 'Modifier le lot' }).click();
  await expect(page.getByRole('region', { name: 'Modifier le lot' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), 'lot edit').toEqual([]);
});

test('an enterprise sees only the lots it was awarded, read-only', async ({ page }) => {
  await loginAs(page, DEMO.enterprise);
  await openNav(page, 'Marchés');
  await expect(page.getByRole('heading', { level: 1, name: 'Marchés' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nouveau marché' })).toHaveCount(0);
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByTestId('required-hours')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Modifier les heures' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Attribuer le lot' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Modifier le lot' })).toHaveCount(0);
  await expect(page.getByTestId('article')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Historique des modifications' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the participants pages have no serious accessibility violation', async ({ page }) => {
  await loginAs(page, DEMO.referent);
  for (const [path, heading] of [
    ['/participants', 'Participants'],
    ['/participants/new', 'Nouveau participant'],
    ['/participants/import', 'Importer des participants'],
    ['/participants/stats', 'Tableau de bord des portefeuilles'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.goto('/participants');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByTestId('eligibility-status')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page), 'participant').toEqual([]);
  // The referent may read who accessed the record (the participant's read allows it).
  await page.getByRole('button', { name: 'Afficher le journal' }).click();
  await expect(page.getByTestId('access-log').first()).toContainText('Création');
  expect(await seriousViolations(page), 'access log').toEqual([]);
});
