import { expect, type Page, test } from '@playwright/test';

import { DEMO, daysFromToday, field, loginAs, openNav, select, seriousViolations } from './helpers';

const typed = daysFromToday;

async function newParticipant(page: Page, name: string) {
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  await field(page, 'Nom').fill(name);
  await field(page, 'Prénoms').fill('Inès');
  await field(page, 'Date de naissance').fill('14/02/1990');
  await select(page, 'Sexe').click();
  await page.getByRole('option', { name: 'Femme' }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name.toUpperCase()) })).toBeVisible();
}

test('a participant form reports every mistake at once, in words that say what is expected', async ({ page }) => {
  const name = `Essai${Date.now().toString().slice(-6)}`;
  await loginAs(page, DEMO.referent);
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  // No sex is chosen for the person.
  await expect(select(page, 'Sexe')).toHaveValue('');
  // What the API was sent (a request body sent as a stream is not visible to the browser's
  // log, so the API's answer tells: the record as stored).
  const posts: Record<string, unknown>[] = [];
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/participants')) posts.push(await response.json());
  });
  await field(page, 'Nom').fill(name);
  // A pasted page of text instead of first names.
  await field(page, 'Prénoms').fill('Inès '.repeat(1200));
  await field(page, 'Date de naissance').fill('01/01/1890');
  await field(page, 'Téléphone').fill('abc');
  await field(page, 'Identifiant France Travail').fill('12');
  await page.getByRole('button', { name: 'Créer' }).click();
  // All the errors at once, each under its field, and nothing sent.
  await expect(field(page, 'Date de naissance')).toHaveAccessibleDescription(/plus de 100 ans/);
  await expect(select(page, 'Sexe')).toHaveAccessibleDescription(/obligatoire/);
  await expect(field(page, 'Téléphone')).toHaveAccessibleDescription(/06 12 34 56 78/);
  await expect(field(page, 'Identifiant France Travail')).toHaveAccessibleDescription(/7 à 16 lettres ou chiffres/);
  await expect(field(page, 'Prénoms')).toHaveAccessibleDescription('Au plus 200 caractères.');
  expect(posts).toEqual([]);
  await field(page, 'Prénoms').fill('Inès');
  // Text that is not a date says so instead of vanishing.
  await field(page, 'Date de naissance').fill('1890');
  await field(page, 'Prénoms').click();
  await expect(field(page, 'Date de naissance')).toHaveAccessibleDescription(/« 1890 » n'est pas une date/);

  await field(page, 'Date de naissance').fill('14/02/1990');
  await select(page, 'Sexe').click();
  await page.getByRole('option', { name: 'Femme' }).click();
  await field(page, 'Téléphone').fill('06 12 34 56 78');
  await field(page, 'Identifiant France Travail').fill('');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name.toUpperCase()) })).toBeVisible();
  // The API got an ISO date and null for every optional field left empty.
  expect(posts).toHaveLength(1);
  expect(posts[0]).toMatchObject({ birth_date: '1990-02-14', gender: 'female', email: null, france_travail_id: null, address: null, commune_code: null });
  await expect(page.getByText('14/02/1990')).toBeVisible();

  // The same person again: the server's refusal appears at the top, with the existing record.
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  await field(page, 'Nom').fill(name);
  await field(page, 'Prénoms').fill('Inès');
  await field(page, 'Date de naissance').fill('14/02/1990');
  await select(page, 'Sexe').click();
  await page.getByRole('option', { name: 'Femme' }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'est déjà suivie' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ouvrir la fiche existante' })).toBeVisible();
});

test('a new participant with a close name is pointed to the people already followed', async ({ page }) => {
  const name = `Proche${Date.now().toString().slice(-6)}`;
  await loginAs(page, DEMO.referent);
  await newParticipant(page, name);
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  await field(page, 'Nom').fill(name.toUpperCase());
  await field(page, 'Prénoms').fill('Ines');
  const similar = page.getByTestId('similar-people');
  await expect(similar).toContainText('14/02/1990');
  await expect(similar.getByRole('link', { name: new RegExp(name.toUpperCase()) })).toBeVisible();
  expect(await seriousViolations(page), 'the notice is readable (contrast)').toEqual([]);
  // Another first name: nobody close.
  await field(page, 'Prénoms').fill('Zoé');
  await expect(similar).toHaveCount(0);
});

test('a referent corrects an identity after creation, and a stale form is not saved over', async ({ page, browser }) => {
  const name = `Correction${Date.now().toString().slice(-6)}`;
  await loginAs(page, DEMO.referent);
  await newParticipant(page, name);
  const url = page.url();
  await page.getByRole('link', { name: "Corriger l'identité" }).click();
  await expect(page.getByRole('heading', { level: 1, name: "Corriger l'identité" })).toBeVisible();
  await expect(field(page, 'Date de naissance')).toHaveValue('14/02/1990');
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
  await field(page, 'Date de naissance').fill('01/05/1890');
  await field(page, 'Téléphone').fill('abc');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(field(page, 'Date de naissance')).toHaveAccessibleDescription(/plus de 100 ans/);
  await expect(field(page, 'Téléphone')).toHaveAccessibleDescription(/06 12 34 56 78/);
  await field(page, 'Date de naissance').fill('14/02/1991');
  await field(page, 'Téléphone').fill('06 98 76 54 32');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByText('14/02/1991')).toBeVisible();
  await expect(page.getByText('06 98 76 54 32')).toBeVisible();

  // Two people open the form; the second save is refused and offers to reload.
  await page.getByRole('link', { name: "Corriger l'identité" }).click();
  const elsewhere = await browser.newContext({ locale: 'fr-FR', baseURL: test.info().project.use.baseURL });
  const other = await elsewhere.newPage();
  await loginAs(other, DEMO.referent);
  await other.goto(`${url}/edit`);
  await field(other, 'Adresse').fill('3 rue Nationale, Tours');
  await other.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(other.getByText('3 rue Nationale, Tours')).toBeVisible();
  await elsewhere.close();

  await field(page, 'Adresse').fill('12 rue Colbert, Tours');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert', { name: 'Fiche modifiée entre-temps' })).toBeVisible();
  await page.getByRole('button', { name: 'Recharger la fiche' }).click();
  await expect(field(page, 'Adresse')).toHaveValue('3 rue Nationale, Tours');
});

test("an exit dated before the pathway's last step is refused next to its date", async ({ page }) => {
  const name = `Sortie${Date.now().toString().slice(-6)}`;
  await loginAs(page, DEMO.referent);
  await newParticipant(page, name);
  await field(page, "Date d'entrée").fill(typed(-10));
  await page.getByRole('button', { name: 'Ouvrir un parcours' }).click();
  await page.getByRole('button', { name: 'Ajouter une étape' }).click();
  await select(page, "Type d'étape").click();
  await page.getByRole('option', { name: 'Diagnostic' }).click();
  await field(page, 'Début').fill(typed(-2));
  await page.getByRole('button', { name: 'Ajouter une étape' }).last().click();
  await expect(page.getByTestId('pathway')).toContainText('Diagnostic');
  await page.getByRole('button', { name: 'Enregistrer la sortie' }).click();
  await select(page, 'Situation à la sortie').click();
  await page.getByRole('option', { name: 'CDI', exact: true }).click();
  await field(page, 'Date de sortie').fill(typed(-5));
  await page.getByRole('button', { name: 'Enregistrer la sortie' }).last().click();
  await expect(field(page, 'Date de sortie')).toHaveAccessibleDescription(/La sortie ne peut pas précéder la dernière étape/);
  await field(page, 'Date de sortie').fill(typed(-1));
  await page.getByRole('button', { name: 'Enregistrer la sortie' }).last().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByTestId('exit')).toContainText('Emploi durable');
});

test('a tender without a place of execution is stopped before sending, with the reason', async ({ page }) => {
  const suffix = Date.now().toString().slice(-6);
  await loginAs(page, DEMO.buyer);
  await openNav(page, 'Marchés');
  await page.getByRole('link', { name: 'Nouveau marché' }).click();
  const posts: Record<string, unknown>[] = [];
  page.on('response', async (response) => {
    const request = response.request();
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/tenders')) posts.push(await response.json());
  });
  await select(page, "Structure d'animation des clauses").click();
  await page.getByRole('option', { name: /Service clauses sociales/ }).click();
  await field(page, 'Référence interne').fill(`LIEU ${suffix}`);
  await page.getByLabel(/^Code CPV/).first().fill('45000000-7');
  await field(page, 'Objet').fill('Espaces verts');
  await field(page, 'Date de publication').fill('01/03/2027');
  await field(page, 'Date limite de remise des offres').fill('01/02/2027');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText("Choisissez le lieu d'exécution : une commune, un département ou une région.")).toBeVisible();
  await expect(field(page, 'Référence interne')).toHaveAccessibleDescription(/sans espace/);
  await expect(field(page, 'Date limite de remise des offres')).toHaveAccessibleDescription(/ne peut pas précéder la publication/);
  expect(posts).toEqual([]);

  // An optional date that is no day of the calendar stays as typed and stops the form (it was
  // once emptied on leaving the field and the tender saved without it).
  await field(page, 'Date de publication').fill('31/02/2027');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(field(page, 'Date de publication')).toHaveValue('31/02/2027');
  await expect(field(page, 'Date de publication')).toHaveAccessibleDescription(/n'existe pas dans le calendrier/);
  expect(posts).toEqual([]);
  await field(page, 'Date de publication').fill('01/03/2027');

  await field(page, 'Référence interne').fill(`LIEU-${suffix}`);
  await field(page, 'Date limite de remise des offres').fill('15/04/2027');
  await page.getByRole('textbox', { name: /^Lieu d'exécution/ }).fill('Tours');
  await page.getByRole('option', { name: /^Tours — Commune 37261/ }).first().click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`LIEU-${suffix}`) })).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(posts[0]).toMatchObject({
    place_of_execution: { level: 'commune', code: '37261' },
    publication_date: '2027-03-01',
    deadline_date: '2027-04-15',
    operation_id: null,
  });
});
