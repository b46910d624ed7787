import { expect, type Page, test } from '@playwright/test';

import { DEMO, loginAs, openNav, select } from './helpers';

const SAVE = "Enregistrer l'attribution";

async function openAwardedLot(page: Page) {
  await openNav(page, 'Marchés');
  await page.getByRole('link', { name: 'NPNRU-RAB-01' }).click();
  await page.getByRole('link', { name: 'VRD et voirie' }).click();
  await expect(page.getByTestId('award')).toContainText('Bâtir Ligérien');
  await page.getByRole('button', { name: "Modifier l'attribution" }).click();
}

/** Saves the award form; the API's answer (the lot as saved). */
async function save(page: Page) {
  const answer = page.waitForResponse((response) => response.request().method() === 'PUT' && /\/award$/.test(response.url()));
  await page.getByRole('button', { name: SAVE }).click();
  const response = await answer;
  expect(response.status()).toBe(200);
  return (await response.json()) as { award: { subcontractors: { enterprise: { name: string }; amount: string }[] } };
}

test('a subcontractor picked after a refusal is the one saved; an empty row is flagged, not dropped', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openAwardedLot(page);
  // The amount in force is shown as people type it, thousands apart.
  await expect(page.getByLabel(/^Montant attribué HT/)).toHaveValue(/^\d{1,3}( \d{3})+(,\d{2})?$/);

  // The demo award declares one subcontractor, shown as saved; the user removes its row.
  await expect(select(page, 'Sous-traitant 1')).toHaveValue(/Tremplin/);
  await expect(page.getByLabel(/^Montant sous-traité HT/)).toHaveValue('180 000');
  await page.getByRole('button', { name: 'Retirer' }).last().click();
  await expect(select(page, 'Sous-traitant 1')).toHaveCount(0);

  // An empty "Sous-traitant 1 *" row is refused with its reason, not silently left out.
  let sent = 0;
  page.on('request', (request) => {
    if (request.method() === 'PUT' && /\/award$/.test(request.url())) sent += 1;
  });
  await page.getByRole('button', { name: 'Ajouter un sous-traitant' }).click();
  await page.getByRole('button', { name: SAVE }).click();
  await expect(page.getByText("Choisissez l'entreprise sous-traitante, ou retirez cette ligne (×).")).toBeVisible();
  expect(sent).toBe(0);

  // The awardee as its own subcontractor, for more than the award: both said at once.
  const subcontractor = select(page, 'Sous-traitant 1');
  await subcontractor.click();
  await subcontractor.fill('Bâtir');
  await page.getByRole('option', { name: /Bâtir Ligérien/ }).first().click();
  await page.getByLabel(/^Montant sous-traité HT/).fill('999 999 999');
  await page.getByRole('button', { name: SAVE }).click();
  await expect(page.getByText('Un attributaire du lot ne peut pas en être aussi sous-traitant.')).toBeVisible();
  await expect(page.getByTestId('subcontractors-error')).toContainText('dépassent le montant attribué');
  expect(sent).toBe(0);

  // Another enterprise searched in the same box: the first option is the one searched (the
  // old choice is not listed first, where clicking it used to clear the row).
  await subcontractor.click();
  await subcontractor.fill('Tremplin');
  await expect(page.getByRole('option').first()).toContainText('Tremplin');
  await page.getByRole('option').first().click();
  await expect(subcontractor).toHaveValue(/Tremplin/);
  await page.getByLabel(/^Montant sous-traité HT/).fill('180 000');
  const saved = await save(page);
  expect(saved.award.subcontractors.map((s) => [s.enterprise.name, Number(s.amount)])).toEqual([[expect.stringMatching(/Tremplin/), 180000]]);
  await expect(page.getByText('Attribution mise à jour.')).toBeVisible();
  await expect(page.getByTestId('award')).toContainText(/Sous-traitants déclarés : Tremplin[^€]*180\s000\s€/);

  // Editing again starts from what was saved.
  await page.getByRole('button', { name: "Modifier l'attribution" }).click();
  await expect(select(page, 'Sous-traitant 1')).toHaveValue(/Tremplin/);
  await expect(page.getByLabel(/^Montant sous-traité HT/)).toHaveValue('180 000');
  await page.getByRole('button', { name: 'Annuler' }).click();
});
