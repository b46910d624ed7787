import { expect, test } from '@playwright/test';

import { DEMO, field, login, loginAs, logout, openNav, select, uniqueSiret } from './helpers';

test('the admin creates a user with an initial password, who then signs in', async ({ page }) => {
  const email = `camille.${Date.now()}@example.org`;
  await loginAs(page, DEMO.admin);
  await openNav(page, 'Utilisateurs');
  await page.getByRole('link', { name: 'Nouvel utilisateur' }).click();
  await field(page, 'Adresse e-mail').fill(email);
  await field(page, 'Nom complet').fill('Camille Petit');
  await select(page, 'Rôle').click();
  await page.getByRole('option', { name: 'Acheteur', exact: true }).click();
  await select(page, 'Organisation').fill('Habitat');
  await page.getByRole('option', { name: /Val de Loire Habitat/ }).click();
  await field(page, 'Mot de passe initial').fill('court');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText('12 caractères au moins.').last()).toBeVisible();
  await field(page, 'Mot de passe initial').fill('un-mot-de-passe-solide');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Modifier l'utilisateur" })).toBeVisible();
  await logout(page);

  await login(page, email, 'un-mot-de-passe-solide');
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Camille Petit' })).toBeVisible();
  await expect(page.getByText('Val de Loire Habitat (OPH)').first()).toBeVisible();
});

test('a second account with the same e-mail is refused next to the field', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await page.goto('/users/new');
  await field(page, 'Adresse e-mail').fill(DEMO.buyer.email);
  await field(page, 'Nom complet').fill('Doublon');
  await select(page, 'Organisation').fill('Habitat');
  await page.getByRole('option', { name: /Val de Loire Habitat/ }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(field(page, 'Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
});

test('the admin creates an organisation with a SIRET and a territory, then edits it', async ({ page }) => {
  const name = `Régie de quartier ${Date.now()}`;
  await loginAs(page, DEMO.admin);
  await openNav(page, 'Organisations');
  await page.getByRole('link', { name: 'Nouvelle organisation' }).click();
  await field(page, 'Nom').fill(name);
  await select(page, 'Type').click();
  await page.getByRole('option', { name: 'Entreprise', exact: true }).click();
  await field(page, 'SIRET').fill('123');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText('Le SIRET compte 14 chiffres.')).toBeVisible();
  await field(page, 'SIRET').fill('12345678901234');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(field(page, 'SIRET')).toHaveAttribute('aria-invalid', 'true');
  await field(page, 'SIRET').fill(uniqueSiret());
  await page.getByRole('textbox', { name: 'Territoire' }).fill('Joué');
  await page.getByRole('option', { name: /Joué-lès-Tours — Commune 37122/ }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Modifier l'organisation" })).toBeVisible();
  await expect(page.getByText('Joué-lès-Tours (Commune 37122)')).toBeVisible();

  await field(page, 'Nom').fill(`${name} (modifiée)`);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Modifications enregistrées.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Historique des modifications' })).toContainText('Modification');

  await page.getByRole('button', { name: 'Désactiver' }).click();
  await expect(page.getByText('Désactivée', { exact: true })).toBeVisible();

  await openNav(page, 'Organisations');
  await field(page, 'Rechercher').fill(`${name} (modifiée)`);
  await expect(page.getByRole('link', { name: `${name} (modifiée)` })).toBeVisible();
});

test('a record changed by someone else is not overwritten', async ({ browser }) => {
  const name = `Réseau ${Date.now()}`;
  const first = await browser.newPage();
  await loginAs(first, DEMO.admin);
  await first.goto('/organisations/new');
  await field(first, 'Nom').fill(name);
  await select(first, 'Type').click();
  await first.getByRole('option', { name: 'Réseau', exact: true }).click();
  await first.getByRole('button', { name: 'Créer' }).click();
  await expect(first.getByRole('heading', { level: 1, name: "Modifier l'organisation" })).toBeVisible();

  const second = await browser.newPage();
  await loginAs(second, DEMO.admin);
  await second.goto(first.url());
  await field(second, 'Nom').fill(`${name} (B)`);
  await second.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(second.getByText('Modifications enregistrées.')).toBeVisible();

  await field(first, 'Nom').fill(`${name} (A)`);
  await first.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(first.getByRole('alert', { name: 'Fiche modifiée entre-temps' })).toBeVisible();
  await first.getByRole('button', { name: 'Recharger la fiche' }).click();
  await expect(field(first, 'Nom')).toHaveValue(`${name} (B)`);
});
