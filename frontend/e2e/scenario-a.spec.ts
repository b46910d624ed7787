import { expect, type Page, test } from '@playwright/test';

import { DEMO, daysFromToday, field, loginAs, logout, openNav, select, seriousViolations, settled } from './helpers';

/** Pick an option of a Mantine combobox (Select / Autocomplete / OrganisationSelect). */
async function choose(page: Page, label: string, search: string, option: RegExp | string) {
  const box = select(page, label);
  await box.click();
  if (search) await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

async function pickTerritory(page: Page, label: string, search: string, option: RegExp) {
  const input = page.getByRole('textbox', { name: new RegExp(`^${label}`) });
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

async function addLot(page: Page, number: number, title: string, amount: string) {
  await page.getByRole('button', { name: 'Ajouter un lot' }).click();
  const form = page.getByRole('region', { name: 'Ajouter un lot' });
  await form.getByLabel(/^N°/).fill(String(number));
  await form.getByLabel(/^Intitulé/).fill(title);
  await form.getByLabel(/^Corps d'état/).fill(title);
  await form.getByLabel(/^Montant estimé HT/).fill(amount);
  await form.getByRole('button', { name: 'Ajouter un lot' }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
}

test('scenario A, steps 1–3: a facilitator sets up an NPNRU operation in the browser', async ({ page }) => {
  // What happens after the award is dated in the past (an award is not notified in the future).
  const unsuccessfulOn = daysFromToday(-50);
  const abandonedOn = daysFromToday(-45);
  test.setTimeout(180_000);
  const suffix = Date.now().toString().slice(-6);
  await loginAs(page, DEMO.facilitator);

  // 1. The operation with its 5 % target.
  await openNav(page, 'Opérations');
  await page.getByRole('button', { name: 'Nouvelle opération' }).click();
  await field(page, 'Nom').fill(`NPNRU Les Rives ${suffix}`);
  await page.getByLabel(/^Objectif/).fill('5');
  await choose(page, "Restriction d'éligibilité", '', /QPV/);
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `NPNRU Les Rives ${suffix}` })).toBeVisible();
  const operationUrl = page.url();
  // … edited afterwards (its description).
  await page.getByRole('button', { name: "Modifier l'opération" }).click();
  await page.getByRole('region', { name: "Modifier l'opération" }).getByLabel(/^Description/).fill('Quartier des Rives, convention ANRU 2027');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('region', { name: "Modifier l'opération" })).toHaveCount(0);
  await expect(page.getByText('Quartier des Rives, convention ANRU 2027')).toBeVisible();

  // … and a tender of the agglomeration in it, with lots of different trades.
  await openNav(page, 'Marchés');
  await page.getByRole('link', { name: 'Nouveau marché' }).click();
  await choose(page, 'Acheteur', 'agglom', /Communauté d'agglomération/);
  await choose(page, 'Opération', '', `NPNRU Les Rives ${suffix}`);
  await field(page, 'Référence interne').fill(`RIVES-${suffix}`);
  // A complete CPV code is checked as it is typed: the check digit, then its own label.
  const cpv = page.getByLabel(/^Code CPV/).first();
  await cpv.fill('45210000-3');
  await expect(page.getByText('Chiffre de contrôle erroné dans 45210000-3 : ce code CPV s\'écrit 45210000-2.')).toBeVisible();
  await cpv.fill('45210000');
  await expect(page.getByText('45210000-2 — Travaux de construction de bâtiments')).toBeVisible();
  await cpv.fill('45000000-7');
  await expect(page.getByText('45000000-7 — Travaux de construction', { exact: true })).toBeVisible();
  await field(page, 'Objet').fill('Réhabilitation de 80 logements');
  await pickTerritory(page, "Lieu d'exécution", 'Tours', /^Tours — Commune 37261/);
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`RIVES-${suffix}`) })).toBeVisible();
  await expect(page.getByText('45000000-7 — Travaux de construction', { exact: true })).toBeVisible();
  await addLot(page, 1, 'Gros œuvre', '1000000');
  await addLot(page, 2, 'Peinture', '250000');

  // The tender can be edited after creation (its object here).
  await page.getByRole('link', { name: 'Modifier le marché' }).click();
  await field(page, 'Objet').fill('Réhabilitation de 80 logements et de leurs abords');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Réhabilitation de 80 logements et de leurs abords/ })).toBeVisible();

  // 2. The hours of a lot: the live calculator follows the published example.
  await page.getByRole('link', { name: 'Gros œuvre' }).click();
  await expect(page.getByTestId('required-hours')).toBeVisible();
  await page.getByLabel(/^Part de main-d'œuvre/).fill('50');
  await page.getByLabel(/^Taux d'insertion/).fill('5');
  await page.getByLabel(/^Coût horaire/).fill('30');
  await expect(page.getByTestId('estimate-hours')).toHaveText('833 heures d\'insertion');
  await expect(page.getByTestId('estimate-formula')).toContainText('833');
  await page.getByRole('button', { name: 'Enregistrer ces paramètres sur le lot' }).click();
  // Saved and reloaded (the demo's defaults give 833 h already: the figure alone does not
  // tell the lot was reloaded, and a reload while the dialog opens would close it).
  await expect(page.getByText('Paramètres enregistrés, heures recalculées.')).toBeVisible();
  await expect(page.getByTestId('required-hours')).toHaveText('833 h');

  // … adjusted by override with a reason.
  await page.getByRole('button', { name: 'Modifier les heures' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fixer les heures du lot' });
  await dialog.getByLabel(/^Heures exigées/).fill('900');
  await dialog.getByLabel(/^Motif/).fill('Chantier en site occupé : lot pilote');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('required-hours')).toHaveText('900 h');
  await expect(page.getByTestId('override')).toContainText('lot pilote');
  // The lot's history keeps the change, its author and its reason (even once cleared).
  const history = page.getByRole('region', { name: 'Historique des modifications' });
  await expect(history).toContainText('Heures fixées');
  await expect(history).toContainText('Karim Benali');
  await expect(history).toContainText('lot pilote');
  await expect(page.getByTestId('override')).toContainText(DEMO.facilitator.name);

  // The lot edited after creation: a social award criterion weighted 20 % and a penalty per
  // missing hour, which the clause article then carries.
  await page.getByRole('button', { name: 'Modifier le lot' }).click();
  const lotForm = page.getByRole('region', { name: 'Modifier le lot' });
  await lotForm.getByRole('checkbox', { name: "Critère d'attribution social" }).check();
  await lotForm.getByLabel(/^Pondération du critère/).fill('20');
  await lotForm.getByLabel(/^Pénalité par heure manquante/).fill('45');
  await lotForm.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(lotForm).toHaveCount(0);
  await expect(page.getByTestId('penalty')).toContainText('45 €');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText("Critère d'attribution social").first()).toBeVisible();
  await expect(page.getByTestId('article')).toContainText("45,00 € par heure d'insertion non réalisée");

  // … and the clause article for the tender documents.
  await expect(page.getByTestId('article')).toContainText('900');
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger en PDF' }).click();
  expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);

  // 3. After award: a consortium with an EI subcontractor.
  await page.getByRole('link', { name: 'Retour au marché' }).click();
  await page.getByRole('button', { name: 'Publier' }).click();
  const publishing = page.getByRole('dialog', { name: 'Publier ?' });
  await expect(publishing).toContainText('Le marché sera publié');
  await publishing.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByText('Publié', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Gros œuvre' }).click();
  await page.getByRole('button', { name: 'Attribuer le lot' }).click();
  await choose(page, "Forme de l'attributaire", '', 'Groupement solidaire');
  await page.getByLabel(/^Montant attribué HT/).fill('1200000');
  await page.getByLabel(/^Date de notification/).fill(daysFromToday(-60));
  await choose(page, 'Entreprise 1', 'Bâtir', /Bâtir Ligérien/);
  await page.getByRole('button', { name: 'Ajouter une entreprise' }).click();
  await choose(page, 'Entreprise 2', 'Maçonnerie', /Maçonnerie de Touraine/);
  await page.getByRole('button', { name: 'Ajouter un sous-traitant' }).click();
  await choose(page, 'Sous-traitant 1', 'Tremplin', /Tremplin Bâtiment/);
  await page.getByLabel(/^Montant sous-traité HT/).fill('90000');
  await page.getByRole('button', { name: 'Attribuer le lot' }).last().click();
  await expect(page.getByTestId('award')).toContainText('Groupement solidaire');
  await expect(page.getByTestId('award')).toContainText('Tremplin Bâtiment');

  // An amendment: the hours follow, and the history keeps before/after.
  await page.getByRole('button', { name: 'Enregistrer un avenant' }).click();
  await page.getByLabel(/^Nouveau montant HT/).fill('1300000');
  await page.getByLabel(/^Signé le/).fill(daysFromToday(-10));
  await page.getByLabel(/^Motif/).fill('Travaux supplémentaires');
  await page.getByRole('button', { name: 'Enregistrer un avenant' }).last().click();
  await expect(page.getByTestId('amendments')).toContainText('Travaux supplémentaires');

  // The tender is not markable as awarded while its second lot is pending.
  await page.getByRole('link', { name: 'Retour au marché' }).click();
  await expect(page.getByText('Publié', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marquer attribué' })).toHaveCount(0);

  // … so the facilitator declares it unsuccessful (infructueux), with the date and the reason;
  // what the form cannot take is said next to each field.
  await page.getByRole('link', { name: 'Peinture' }).click();
  await page.getByRole('button', { name: 'Déclarer infructueux / sans suite' }).click();
  const outcome = page.getByRole('form', { name: 'Déclarer le lot infructueux ou sans suite' });
  await outcome.getByRole('button', { name: 'Déclarer infructueux / sans suite' }).click();
  await expect(outcome.getByText('Ce champ est obligatoire.')).toHaveCount(2);
  await outcome.getByLabel(/^Date de la décision/).fill('31/02/2027');
  await outcome.getByLabel(/^Motif/).fill('abc');
  await expect(outcome.getByText("Le 31/02/2027 n'existe pas dans le calendrier", { exact: false })).toBeVisible();
  await outcome.getByRole('button', { name: 'Déclarer infructueux / sans suite' }).click();
  await expect(outcome.getByText('Au moins 5 caractères.')).toBeVisible();
  expect(await seriousViolations(page), 'outcome form').toEqual([]);
  await outcome.getByLabel(/^Date de la décision/).fill(unsuccessfulOn);
  await outcome.getByLabel(/^Motif/).fill('Aucune offre reçue dans le délai');
  await outcome.getByRole('button', { name: 'Déclarer infructueux / sans suite' }).click();
  await expect(page.getByTestId('lot-outcome')).toHaveText(`Infructueux le ${unsuccessfulOn} — Aucune offre reçue dans le délai`);
  await expect(page.getByRole('button', { name: 'Attribuer le lot' })).toHaveCount(0);
  // Reopened (asked again first), then declared abandoned (sans suite) instead.
  await page.getByRole('button', { name: 'Rouvrir le lot' }).click();
  const reopen = page.getByRole('dialog', { name: 'Rouvrir le lot ?' });
  await expect(reopen).toContainText(`« Infructueux » du ${unsuccessfulOn}`);
  await settled(page);
  expect(await seriousViolations(page), 'reopen dialog').toEqual([]);
  await reopen.getByRole('button', { name: 'Rouvrir le lot' }).click();
  await expect(page.getByText('Pas encore attribué.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Attribuer le lot' })).toBeVisible();
  await page.getByRole('button', { name: 'Déclarer infructueux / sans suite' }).click();
  await outcome.getByRole('radio', { name: /^Sans suite/ }).check();
  await outcome.getByLabel(/^Date de la décision/).fill(abandonedOn);
  await outcome.getByLabel(/^Motif/).fill('Programme de peinture reporté');
  await outcome.getByRole('button', { name: 'Déclarer infructueux / sans suite' }).click();
  await expect(page.getByTestId('lot-outcome')).toHaveText(`Sans suite le ${abandonedOn} — Programme de peinture reporté`);
  expect(await seriousViolations(page), 'lot closed without award').toEqual([]);

  // The tender's lots table shows the decision, and the tender is now markable as awarded.
  await page.getByRole('link', { name: 'Retour au marché' }).click();
  await expect(page.getByRole('table').getByRole('row', { name: /Peinture/ })).toContainText(`Sans suite le ${abandonedOn} — Programme de peinture reporté`);
  await expect(page.getByRole('button', { name: 'Publier' })).toHaveCount(0);
  expect(await seriousViolations(page), 'tender markable as awarded').toEqual([]);
  await page.getByRole('button', { name: 'Marquer attribué' }).click();
  const awarding = page.getByRole('dialog', { name: 'Marquer attribué ?' });
  await expect(awarding).toContainText('chaque lot est attribué, ou déclaré infructueux ou sans suite');
  await awarding.getByRole('button', { name: 'Marquer attribué' }).click();
  await expect(page.getByText('Attribué', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Marquer attribué' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Passer en exécution' })).toBeVisible();

  // The tender list filtered by operation shows this operation's tender only.
  await openNav(page, 'Marchés');
  await expect(page.getByRole('link', { name: 'VLH-REHA-120' })).toBeVisible();
  await choose(page, 'Opération', '', `NPNRU Les Rives ${suffix}`);
  await expect(page.getByRole('link', { name: `RIVES-${suffix}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'VLH-REHA-120' })).toHaveCount(0);
  // … and by buyer (the menu opens the list without filters; a reload keeps them).
  await openNav(page, 'Marchés');
  await choose(page, 'Acheteur', 'Habitat', /Val de Loire Habitat/);
  await expect(page.getByRole('link', { name: 'VLH-REHA-120' })).toBeVisible();
  await expect(page.getByRole('link', { name: `RIVES-${suffix}` })).toHaveCount(0);

  // The roll-up of the operation against its 5 % target.
  await page.goto(operationUrl);
  await expect(page.getByTestId('operation-summary')).toContainText("l'objectif est 5");

  // The works start, then the tender is closed, once asked again: nothing can change it then.
  await page.getByRole('link', { name: `RIVES-${suffix}` }).click();
  await page.getByRole('button', { name: 'Passer en exécution' }).click();
  await expect(page.getByText('En exécution', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Clore' }).click();
  const closing = page.getByRole('dialog', { name: 'Clore ?' });
  await expect(closing).toContainText('Ce choix est définitif');
  await settled(page);
  expect(await seriousViolations(page), 'closing dialog').toEqual([]);
  await closing.getByRole('button', { name: 'Clore' }).click();
  await expect(page.getByText('Clos', { exact: true })).toBeVisible();
  for (const name of ['Modifier le marché', 'Ajouter un lot', 'Clore', 'Annuler le marché']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
  await page.getByRole('link', { name: 'Peinture' }).click();
  await expect(page.getByTestId('lot-outcome')).toBeVisible();
  for (const name of ['Modifier le lot', 'Rouvrir le lot', 'Modifier la décision', 'Attribuer le lot']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  // The list shows the states in words that pass the contrast check.
  await openNav(page, 'Marchés');
  await expect(page.getByRole('table').locator('.status-badge').filter({ hasText: 'Clos' }).first()).toBeVisible();
  expect(await seriousViolations(page), 'tenders list').toEqual([]);
});

test('a buyer drafts a tender and sees only its own', async ({ page }) => {
  const suffix = Date.now().toString().slice(-6);
  await loginAs(page, DEMO.buyer);
  await openNav(page, 'Marchés');
  await expect(page.getByRole('link', { name: 'VLH-REHA-120' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Nouveau marché' }).click();
  await choose(page, "Structure d'animation des clauses", '', /Service clauses sociales/);
  await field(page, 'Référence interne').fill(`ACH-${suffix}`);
  await page.getByLabel(/^Code CPV/).first().fill('45000000-7');
  await field(page, 'Objet').fill('Voirie du quartier');
  await pickTerritory(page, "Lieu d'exécution", 'Tours', /^Tours — Commune 37261/);
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText('Brouillon', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publier' })).toHaveCount(0);
});

/** No button of the tender or lot pages that changes them (lifecycle, edit, award …). */
async function expectNoChangeButtons(page: Page) {
  for (const name of [
    'Modifier le marché',
    'Ajouter un lot',
    'Publier',
    'Marquer attribué',
    'Passer en exécution',
    'Clore',
    'Annuler le marché',
    'Modifier le lot',
    'Modifier les heures',
    'Revenir au calcul',
    'Enregistrer ces paramètres sur le lot',
    'Attribuer le lot',
    'Déclarer infructueux / sans suite',
    'Rouvrir le lot',
    'Enregistrer un avenant',
  ]) {
    await expect(page.getByRole('button', { name, exact: true }), name).toHaveCount(0);
    await expect(page.getByRole('link', { name, exact: true }), name).toHaveCount(0);
  }
}

test('an enterprise and a buyer see published and awarded lots without any button changing them', async ({ page }) => {
  // The enterprise: the lots it was awarded, on a tender in execution.
  await loginAs(page, DEMO.enterprise);
  await openNav(page, 'Marchés');
  await page.getByRole('link', { name: 'VLH-REHA-120' }).click();
  await expect(page.getByText('En exécution', { exact: true })).toBeVisible();
  await expectNoChangeButtons(page);
  await page.getByRole('link', { name: /Gros œuvre/ }).click();
  await expect(page.getByTestId('award')).toContainText('Bâtir Ligérien');
  await expectNoChangeButtons(page);
  expect(await seriousViolations(page), 'enterprise lot').toEqual([]);
  await logout(page);

  // The buyer: its published tender, an awarded lot and one not awarded yet.
  await loginAs(page, DEMO.buyer);
  await openNav(page, 'Marchés');
  await page.getByRole('link', { name: 'NPNRU-RAB-01' }).click();
  await expect(page.getByRole('main').getByText('Publié', { exact: true }).first()).toBeVisible();
  await expectNoChangeButtons(page);
  expect(await seriousViolations(page), 'buyer tender').toEqual([]);
  await page.getByRole('link', { name: 'VRD et voirie' }).click();
  await expect(page.getByTestId('award')).toBeVisible();
  await expectNoChangeButtons(page);
  await page.getByRole('link', { name: 'Retour au marché' }).click();
  await page.getByRole('link', { name: 'Éclairage public' }).click();
  await expect(page.getByText('Pas encore attribué.')).toBeVisible();
  await expectNoChangeButtons(page);
  expect(await seriousViolations(page), 'buyer lot').toEqual([]);
});

test('the admin sets the structure clause settings; the facilitator reads them with their history', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await openNav(page, 'Paramètres des clauses');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres des clauses' })).toBeVisible();
  const cost = page.getByLabel(/^Coût horaire \(€\)/);
  const next = (await cost.inputValue()) === '31' ? '30' : '31';
  await cost.fill(next);
  // The structure stops validating one criterion.
  await page.getByRole('checkbox', { name: "Salarié en parcours d'insertion (SIAE, GEIQ, EPIDE, E2C)" }).uncheck();
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByText('Enregistré').first()).toBeVisible();
  const history = page.getByRole('region', { name: 'Historique des modifications' });
  await expect(history).toContainText('Modification');
  await expect(history).toContainText('Critères retenus');
  expect(await seriousViolations(page)).toEqual([]);
  await logout(page);

  await loginAs(page, DEMO.facilitator);
  await openNav(page, 'Paramètres des clauses');
  await expect(page.getByLabel(/^Coût horaire \(€\)/)).toHaveAttribute('readonly', '');
  await expect(page.getByRole('table', { name: "Parts de main-d'œuvre par code CPV" })).toContainText('45');
  // The validation form offers the structure's criteria only.
  await openNav(page, 'Éligibilités à valider');
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('button', { name: 'Valider un critère' }).click();
  await page.getByRole('combobox', { name: 'Critère en cours' }).click();
  await expect(page.getByRole('option', { name: "Demandeur d'emploi de longue durée (12 mois ou plus)" })).toBeVisible();
  await expect(page.getByRole('option', { name: "Salarié en parcours d'insertion (SIAE, GEIQ, EPIDE, E2C)" })).toHaveCount(0);
});
