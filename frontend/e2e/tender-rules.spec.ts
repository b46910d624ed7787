import { expect, type Page, test } from '@playwright/test';

import { DEMO, daysFromToday, loginAs, openNav, select } from './helpers';

async function openTender(page: Page, reference: string) {
  await openNav(page, 'Marchés');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible();
}

async function choose(page: Page, label: string, search: string, option: RegExp) {
  const box = select(page, label);
  await box.click();
  await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

test('the award form shows every refusal, its own checks and the server’s, each by its field', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openTender(page, 'NPNRU-RAB-01');
  await page.getByRole('link', { name: 'Espaces verts et plantations' }).click();
  await page.getByRole('button', { name: 'Attribuer le lot' }).click();
  // The awardee's option tells it apart by its SIRET and commune; the chosen one says them.
  await select(page, 'Entreprise 1').click();
  await select(page, 'Entreprise 1').fill('Bâtir');
  await expect(page.getByRole('option', { name: /Bâtir Ligérien.*SIRET \d{3} \d{3} \d{3} \d{5}/ })).toBeVisible();
  await page.getByRole('option', { name: /Bâtir Ligérien/ }).first().click();
  await expect(page.getByTestId('organisation-detail')).toContainText('SIRET');
  await page.getByLabel(/^Montant attribué HT/).fill('100000');
  await page.getByLabel(/^Date de notification/).fill(daysFromToday(-1));
  await page.getByRole('button', { name: 'Ajouter un sous-traitant' }).click();
  await choose(page, 'Sous-traitant 1', 'Tremplin', /Tremplin Bâtiment/);
  await page.getByLabel(/^Montant sous-traité HT/).fill('150000');
  await page.getByRole('button', { name: 'Attribuer le lot' }).last().click();
  await expect(page.getByTestId('subcontractors-error')).toContainText('dépassent le montant attribué');

  // What only the server knows: the notification precedes the deadline for offers, and the
  // subcontractor is the awardee itself — both said at once, next to their fields.
  await page.getByLabel(/^Montant sous-traité HT/).fill('50000');
  await page.getByLabel(/^Date de notification/).fill(daysFromToday(-300));
  await choose(page, 'Sous-traitant 1', 'Bâtir', /Bâtir Ligérien/);
  await page.getByRole('button', { name: 'Attribuer le lot' }).last().click();
  await expect(page.getByText('La notification ne peut précéder la date limite de remise des offres', { exact: false })).toBeVisible();
  await expect(page.getByText('Un attributaire du lot ne peut pas en être aussi sous-traitant.')).toBeVisible();
  await expect(page.getByTestId('award')).toHaveCount(0);
});

test('lots are added to a draft only; an unsuccessful lot is shown with hours not due', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openTender(page, 'CAVL-EV-ENTR');
  await expect(page.getByRole('button', { name: 'Ajouter un lot' })).toBeVisible();
  await openTender(page, 'TL-SANITAS-24');
  await expect(page.getByText('Attribué', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajouter un lot' })).toHaveCount(0);
  // The demo's lots carry their trade, not their title again.
  await expect(page.getByRole('row', { name: /Ossature et charpente des coursives/ })).toContainText('Charpente métallique');

  await openTender(page, 'VLH-REHA-120');
  const painting = page.getByRole('row', { name: /Peinture et revêtements muraux/ });
  await expect(painting.getByTestId('hours-not-due')).toContainText('h non dues');
  await expect(painting).toContainText('Infructueux le');
  await page.getByTestId('tender-operation').click();
  await expect(page.getByTestId('lots-not-counted')).toHaveText("1 lot infructueux ou sans suite n'est pas compté.");
});

test('publishing asks first, and says the day when the publication is later', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openTender(page, 'CAVL-EV-ENTR');
  await page.getByRole('button', { name: 'Publier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publier ?' });
  await expect(dialog.getByTestId('confirm-move')).toContainText('Le marché sera publié');
  await dialog.getByRole('button', { name: 'Revenir' }).click();
  await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();

  // With a publication date ahead, the question names it.
  const later = daysFromToday(20);
  await page.getByRole('link', { name: 'Modifier le marché' }).click();
  await page.getByLabel(/^Date de publication/).fill(later);
  await page.getByLabel(/^Date limite de remise des offres/).fill(daysFromToday(60));
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('button', { name: 'Publier' })).toBeVisible();
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(dialog.getByTestId('confirm-move')).toContainText(`sa date de publication est fixée au ${later}`);
  await dialog.getByRole('button', { name: 'Revenir' }).click();
  await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
});

test('the lot and amendment forms show every bound at once, each with its range', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openTender(page, 'CAVL-EV-ENTR');
  await page.getByRole('button', { name: 'Ajouter un lot' }).click();
  const form = page.getByRole('region', { name: 'Ajouter un lot' });
  await form.getByLabel(/^N°/).fill('1000');
  await form.getByLabel(/^Durée/).fill('600');
  await form.getByLabel(/^Montant estimé HT/).fill('-5');
  await form.getByRole('button', { name: 'Ajouter un lot' }).click();
  await expect(form.getByText('Un nombre entier entre 1 et 999.')).toBeVisible();
  await expect(form.getByText('Un nombre entier entre 1 et 240.')).toBeVisible();
  await expect(form.getByText('Ce champ est obligatoire.')).toBeVisible(); // the title
  await expect(form.getByText('Un montant en euros', { exact: false })).toBeVisible();

  await openTender(page, 'VLH-REHA-120');
  await page.getByRole('link', { name: /Plomberie sanitaire/ }).click();
  await page.getByRole('button', { name: 'Enregistrer un avenant' }).click();
  await page.getByLabel(/^Nouvelle durée/).fill('300');
  await page.getByLabel(/^Signé le/).fill(daysFromToday(-400));
  await page.getByLabel(/^Motif/).fill('abc');
  await page.getByRole('button', { name: 'Enregistrer un avenant' }).last().click();
  await expect(page.getByText('Un nombre entier entre 1 et 240.')).toBeVisible();
  await expect(page.getByText('Un avenant ne peut précéder la notification du marché', { exact: false })).toBeVisible();
  await expect(page.getByText('Au moins 5 caractères.')).toBeVisible();
});
