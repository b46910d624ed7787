import { expect, test } from '@playwright/test';

import { addClauseStep, daysFromToday, DEMO, field, loginAs, logout, navLink, openNav, select, validateFromQueue } from './helpers';

const THOMAS = { email: 'conseiller@levier.demo', name: 'Thomas Girard' };
const COORDINATOR = { email: 'coordination@levier.demo', name: 'Élodie Petit' };

test('scenario B: a referent follows a pathway, the PLIE coordinator oversees and reassigns', async ({ page }) => {
  test.setTimeout(90_000);
  const name = `Testeur${Date.now().toString().slice(-6)}`;

  // The referent adds a participant (the legal notice is on the form) and opens a pathway.
  await loginAs(page, DEMO.referent);
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  await expect(page.getByTestId('legal-notice')).toContainText('mission d\'intérêt public');
  await field(page, 'Nom').fill(name);
  await field(page, 'Prénoms').fill('Jeanne');
  await field(page, 'Date de naissance').fill('03/04/1992');
  await select(page, 'Sexe').click();
  await page.getByRole('option', { name: 'Femme' }).click();
  // The demo's clause lots hire QPV residents first (an NPNRU operation).
  await page.getByRole('checkbox', { name: 'Réside dans un quartier prioritaire (QPV)' }).check();
  await select(page, "Structure d'animation des clauses").click();
  await page.getByRole('option', { name: /Service clauses sociales/ }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name.toUpperCase()) })).toBeVisible();
  const url = page.url();
  // Alone in her Mission Locale, she is told why there is nobody to hand the person over to.
  await expect(page.getByTestId('no-transfer-target')).toContainText('aucun autre référent actif');

  await page.getByRole('button', { name: 'Ouvrir un parcours' }).click();
  await page.getByRole('button', { name: 'Ajouter une étape' }).click();
  await select(page, "Type d'étape").click();
  await page.getByRole('option', { name: 'Diagnostic' }).click();
  await page.getByRole('textbox', { name: /^Début/ }).fill(daysFromToday(0));
  await page.getByRole('button', { name: 'Ajouter une étape' }).last().click();
  await expect(page.getByTestId('pathway')).toContainText('Diagnostic');
  await page.getByRole('button', { name: 'Ajouter une étape' }).click();
  await select(page, "Type d'étape").click();
  await page.getByRole('option', { name: 'Formation' }).click();
  await page.getByRole('textbox', { name: /^Début/ }).fill(daysFromToday(0));
  await page.getByRole('button', { name: 'Ajouter une étape' }).last().click();
  await expect(page.getByTestId('pathway')).toContainText('Formation');
  // A job on an awarded clause lot: refused while nobody validated the person's eligibility,
  // with the reason next to the date and what the facilitator can do.
  await addClauseStep(page);
  await expect(page.getByText(/n'a pas d'éligibilité validée le \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expect(page.getByText(/accorder une dérogation motivée/)).toBeVisible();
  await expect(page.getByTestId('pathway')).not.toContainText('Mission sur une clause');
  await logout(page);

  // The facilitator validates an eligibility from the queue …
  await loginAs(page, DEMO.facilitator);
  await validateFromQueue(page, name);
  await logout(page);

  // … and the referent's clause step is accepted, with one of the lot's employers.
  await loginAs(page, DEMO.referent);
  await page.goto(url);
  const { employer } = await addClauseStep(page);
  await expect(page.getByTestId('pathway')).toContainText('Mission sur une clause');
  await expect(page.getByTestId('pathway')).toContainText(employer);

  // The exit: nothing is chosen for the referent (an exit counts in the results) …
  await page.getByRole('button', { name: 'Enregistrer la sortie' }).click();
  await page.getByRole('button', { name: 'Enregistrer la sortie' }).last().click();
  await expect(select(page, 'Situation à la sortie')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('exit')).toHaveCount(0);
  // … and a CDI is lasting employment.
  await select(page, 'Situation à la sortie').click();
  await page.getByRole('option', { name: 'CDI', exact: true }).click();
  await expect(page.getByTestId('derived-category')).toContainText('Emploi durable');
  await page.getByRole('button', { name: 'Enregistrer la sortie' }).last().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByTestId('exit')).toContainText('Emploi durable');
  await logout(page);

  // The coordinator sees both referents' portfolios and the dashboard, and reassigns.
  await loginAs(page, COORDINATOR);
  await openNav(page, 'Tableau de bord');
  await expect(page.getByTestId('by-referent')).toContainText('Nadia Haddad');
  await expect(page.getByTestId('by-referent')).toContainText('Thomas Girard');
  await expect(page.getByTestId('dynamic-rate')).toContainText('%');
  await page.goto(url);
  await expect(page.getByTestId('exit')).toBeVisible();
  await select(page, 'Nouveau référent').click();
  await page.getByRole('option', { name: 'Thomas Girard' }).click();
  await page.getByRole('button', { name: 'Transférer à un autre référent' }).click();
  // Nothing moves before the confirmation, which names the new referent; the toast names them too.
  await expect(page.getByTestId('transfer-confirm')).toContainText('à Thomas Girard');
  await page.getByRole('dialog').getByRole('button', { name: 'Confirmer le transfert' }).click();
  await expect(page.getByText('Participant transféré à Thomas Girard.')).toBeVisible();
  await expect(page.getByText('Thomas Girard').first()).toBeVisible();
  await logout(page);

  // Thomas now follows the person.
  await loginAs(page, THOMAS);
  await openNav(page, 'Participants');
  await page.getByRole('searchbox', { name: 'Rechercher un nom' }).fill(name);
  await expect(page.getByRole('link', { name: new RegExp(name.toUpperCase()) })).toBeVisible();
});

test('admins and enterprises have no participants entry and get no data', async ({ page }) => {
  for (const who of [DEMO.admin, DEMO.enterprise]) {
    await loginAs(page, who);
    await expect(navLink(page, 'Participants')).toHaveCount(0);
    await page.goto('/participants');
    await expect(page.getByRole('table')).toHaveCount(0);
    await logout(page);
  }
});
