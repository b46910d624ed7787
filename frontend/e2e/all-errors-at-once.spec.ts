import { expect, test } from '@playwright/test';

import { DEMO, field, loginAs, openNav } from './helpers';

test('the operation form reports every mistake at once, before sending anything', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openNav(page, 'Opérations');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/operations')) posts.push(request.url());
  });
  await page.getByRole('button', { name: 'Nouvelle opération' }).click();
  const form = page.getByRole('region', { name: 'Nouvelle opération' });
  // A name of invisible characters only, a pasted page as description, a share of 150 %.
  await form.getByLabel(/^Nom/).fill('\u200b\u200b');
  await form.getByLabel(/^Description/).fill('x'.repeat(4001));
  await form.getByLabel(/^Objectif/).fill('150');
  await form.getByRole('button', { name: 'Créer' }).click();
  await expect(form.getByLabel(/^Nom/)).toHaveAccessibleDescription('Ce champ est obligatoire.');
  await expect(form.getByLabel(/^Description/)).toHaveAccessibleDescription('Au plus 4000 caractères.');
  await expect(form.getByLabel(/^Objectif/)).toHaveAccessibleDescription(/Une part en % de plus de 0 et jusqu'à 100/);
  await form.screenshot({ path: 'test-results/operation-all-errors.png' });
  expect(posts).toEqual([]);

  // Corrected: created, with the invisible characters gone from its name.
  await form.getByLabel(/^Nom/).fill(`Opération\u200b ${Date.now().toString().slice(-6)}`);
  await form.getByLabel(/^Description/).fill('Quartier Nord');
  await form.getByLabel(/^Objectif/).fill('5');
  await form.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Opération \d{6}$/ })).toBeVisible();
});

test('the clause settings say every out-of-range value at once, none silently corrected', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await openNav(page, 'Paramètres des clauses');
  const form = page.getByRole('region', { name: 'Paramètres des clauses' });
  await field(page, "Plafond mensuel d'heures par personne").fill('0');
  await field(page, "Validité d'une éligibilité (mois)").fill('100');
  await field(page, 'Coût horaire (€)').fill('123456789');
  await form.getByLabel(/^Nom/).fill('x'.repeat(201));
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(field(page, "Plafond mensuel d'heures par personne")).toHaveAccessibleDescription(
    'Un nombre entier entre 1 et 744.',
  );
  await expect(field(page, "Validité d'une éligibilité (mois)")).toHaveValue('100');
  await expect(field(page, "Validité d'une éligibilité (mois)")).toHaveAccessibleDescription('Un nombre entier entre 6 et 60.');
  await expect(field(page, 'Coût horaire (€)')).toHaveAccessibleDescription('Au plus 500 €.');
  await expect(form.getByLabel(/^Nom/)).toHaveAccessibleDescription('Au plus 200 caractères.');
});
