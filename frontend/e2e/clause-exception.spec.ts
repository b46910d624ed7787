import { expect, test } from '@playwright/test';

import { addClauseStep, DEMO, field, loginAs, logout, openNav, select, validateFromQueue } from './helpers';

test('a facilitator grants an exception to the QPV condition and the clause step then relies on it', async ({ page }) => {
  test.setTimeout(90_000);
  const name = `Derog${Date.now().toString().slice(-6)}`;
  const reason = 'Relogée hors QPV pendant la démolition de son immeuble du quartier Rabière.';

  // The referent adds a participant who does not live in a QPV and opens a pathway.
  await loginAs(page, DEMO.referent);
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  await field(page, 'Nom').fill(name);
  await field(page, 'Prénoms').fill('Inès');
  await field(page, 'Date de naissance').fill('12/09/1990');
  await select(page, 'Sexe').click();
  await page.getByRole('option', { name: 'Femme' }).click();
  await expect(page.getByRole('checkbox', { name: 'Réside dans un quartier prioritaire (QPV)' })).not.toBeChecked();
  await select(page, "Structure d'animation des clauses").click();
  await page.getByRole('option', { name: /Service clauses sociales/ }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name.toUpperCase()) })).toBeVisible();
  const url = page.url();
  await page.getByRole('button', { name: 'Ouvrir un parcours' }).click();
  await expect(page.getByRole('button', { name: 'Ajouter une étape' })).toBeVisible();
  // Granting exceptions is the facilitator's: the referent is offered neither the section nor the button.
  await expect(page.getByRole('button', { name: 'Accorder une dérogation' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: "Dérogations aux règles d'entrée en clause" })).toHaveCount(0);
  await logout(page);

  // The facilitator validates an eligibility criterion from the queue.
  await loginAs(page, DEMO.facilitator);
  await validateFromQueue(page, name);
  await logout(page);

  // Eligible, but outside the operation's condition: the step is refused, the reason by the date.
  await loginAs(page, DEMO.referent);
  await page.goto(url);
  const { lot } = await addClauseStep(page);
  const startDate = page.getByRole('textbox', { name: /^Début/ });
  await expect(startDate).toHaveAttribute('aria-invalid', 'true');
  await expect(startDate).toHaveAccessibleDescription(/ne remplit pas la condition de l'opération/);
  await expect(page.getByTestId('pathway')).not.toContainText('Mission sur une clause');
  await logout(page);

  // The facilitator grants an exception for that lot, with a reason (too short first: refused).
  await loginAs(page, DEMO.facilitator);
  await page.goto(url);
  const section = page.getByRole('region', { name: "Dérogations aux règles d'entrée en clause" });
  await expect(section).toContainText('Aucune dérogation accordée.');
  await section.getByRole('button', { name: 'Accorder une dérogation' }).click();
  await select(page, 'Lot de la clause').click();
  await page.getByRole('option', { name: lot }).click();
  await field(page, 'Motif').fill('Court');
  await section.getByRole('button', { name: 'Accorder une dérogation' }).click();
  await expect(section.getByText('Au moins 10 caractères.')).toBeVisible();
  await field(page, 'Motif').fill(reason);
  await section.getByRole('button', { name: 'Accorder une dérogation' }).click();
  const table = page.getByTestId('clause-exceptions');
  await expect(table).toContainText(reason);
  await expect(table).toContainText(lot);
  await expect(table).toContainText(DEMO.facilitator.name);
  await expect(table).toContainText(/\d{2}\/\d{2}\/\d{4}/);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('clause-exception-section.png'), fullPage: true });
  await logout(page);

  // The referent adds the step again: accepted, and it names the exception it relies on.
  await loginAs(page, DEMO.referent);
  await page.goto(url);
  await addClauseStep(page, lot);
  await expect(page.getByTestId('pathway')).toContainText('Mission sur une clause');
  const line = page.getByTestId('step-exception');
  await expect(line).toContainText(`Sur dérogation : ${reason}`);
  await expect(line).toContainText(new RegExp(`accordée par ${DEMO.facilitator.name} le \\d{2}/\\d{2}/\\d{4}`));
  await expect(page.getByRole('button', { name: 'Accorder une dérogation' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Annuler' })).toHaveCount(0);
  await page.getByTestId('pathway').screenshot({ path: test.info().outputPath('pathway-step-exception.png') });
});
