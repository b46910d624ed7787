import { expect, test } from '@playwright/test';

import { DEMO, daysFromToday, field, loginAs, logout, openNav, select } from './helpers';

/** Issue 11, item 1: the facilitator opens a job offer on an awarded lot for its awardee; a
 * referent of the territory finds it by ROME code and place. */
test('an offer opened on a lot is found by a referent by job and place', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openNav(page, "Offres d'emploi");
  await expect(page.getByRole('heading', { name: "Offres d'emploi", level: 1 })).toBeVisible();
  // The demo's offers lead to their lot, where another one is published.
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('link', { name: /^Lot \d+ — / }).click();
  await page.getByRole('button', { name: 'Publier une offre' }).click();
  // Every error at once, before anything is sent.
  await field(page, 'Heures par semaine').fill('50');
  await page.getByRole('button', { name: 'Publier une offre' }).click();
  await expect(page.getByText('Entre 0 (exclu) et 48 heures par semaine.')).toBeVisible();
  await expect(page.getByText('Ce champ est obligatoire.').first()).toBeVisible();

  await select(page, 'Métier (ROME)').fill('couvreur');
  await page.getByRole('option', { name: /^F1619 — Couvreur/ }).click();
  await field(page, 'Intitulé du poste').fill('Couvreur zingueur en insertion');
  await page.getByRole('textbox', { name: 'Lieu (commune)' }).fill('Joué');
  await page.getByRole('option', { name: /Joué-lès-Tours/ }).click();
  await field(page, 'Date de début').fill(daysFromToday(20));
  await field(page, 'Heures par semaine').fill('35');
  await select(page, 'Type de contrat').click();
  await page.getByRole('option', { name: 'CDD', exact: true }).click();
  await page.getByRole('button', { name: 'Publier une offre' }).click();
  await expect(page.getByRole('heading', { name: 'Couvreur zingueur en insertion' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marquer pourvue' })).toBeVisible();
  await logout(page);

  await loginAs(page, DEMO.referent);
  await openNav(page, "Offres d'emploi");
  await select(page, 'Métier (ROME)').fill('F1619');
  await page.getByRole('option', { name: /^F1619 — / }).click();
  await expect(page).toHaveURL(/rome=F1619/);
  await page.getByRole('textbox', { name: 'Lieu (commune)' }).fill('Joué');
  await page.getByRole('option', { name: /Joué-lès-Tours/ }).click();
  await expect(page).toHaveURL(/commune=37122/);
  await page.getByRole('link', { name: 'Couvreur zingueur en insertion' }).click();
  await expect(page.getByText('Joué-lès-Tours (37122)')).toBeVisible();
  // A referent reads offers; it does not change them.
  await expect(page.getByRole('button', { name: 'Modifier l\'offre' })).toHaveCount(0);
  await page.screenshot({ path: `${test.info().outputDir}/referent-offer.png`, fullPage: true });
});
