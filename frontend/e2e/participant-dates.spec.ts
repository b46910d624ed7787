import { expect, test } from '@playwright/test';

import { daysFromToday, DEMO, field, loginAs, logout, openNav, select } from './helpers';

const LONG_TERM = "Demandeur d'emploi de longue durée (12 mois ou plus)";

/** A new participant of the referent's, referred to the demo structure; returns its address. */
async function newParticipant(page: import('@playwright/test').Page, name: string, birthDate: string): Promise<string> {
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  await field(page, 'Nom').fill(name);
  await field(page, 'Prénoms').fill('Lina');
  await field(page, 'Date de naissance').fill(birthDate);
  await select(page, 'Sexe').click();
  await page.getByRole('option', { name: 'Femme' }).click();
  await select(page, "Structure d'animation des clauses").click();
  await page.getByRole('option', { name: /Service clauses sociales/ }).click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name.toUpperCase()) })).toBeVisible();
  return page.url();
}

test('a pathway entry before 2000 or before the birth date is refused by the field, then corrected', async ({ page }) => {
  test.setTimeout(90_000);
  const name = `Dates${Date.now().toString().slice(-6)}`;
  await loginAs(page, DEMO.referent);
  await newParticipant(page, name, '12/09/2008');

  const entry = page.getByRole('textbox', { name: /^Date d'entrée/ });
  await entry.fill('01/01/1890');
  await page.getByRole('button', { name: 'Ouvrir un parcours' }).click();
  await expect(entry).toHaveAttribute('aria-invalid', 'true');
  await expect(entry).toHaveAccessibleDescription(/Date trop ancienne : au plus tôt le 01\/01\/2000/);
  await entry.fill('07/01/2008');
  await page.getByRole('button', { name: 'Ouvrir un parcours' }).click();
  await expect(entry).toHaveAccessibleDescription("L'entrée en parcours ne peut pas précéder la naissance de la personne (12/09/2008).");
  await expect(page.getByTestId('pathway')).toHaveCount(0);

  await entry.fill(daysFromToday(-3));
  await page.getByRole('button', { name: 'Ouvrir un parcours' }).click();
  const pathway = page.getByTestId('pathway');
  await expect(pathway).toContainText(`Date d'entrée : ${daysFromToday(-3)}`);

  // The referent corrects the entry of the open pathway; the same rules apply.
  await pathway.getByRole('button', { name: "Corriger l'entrée" }).click();
  const corrected = pathway.getByRole('textbox', { name: /^Date d'entrée/ });
  await corrected.fill('01/01/2008');
  await pathway.getByRole('button', { name: "Enregistrer l'entrée" }).click();
  await expect(corrected).toHaveAccessibleDescription(/ne peut pas précéder la naissance de la personne \(12\/09\/2008\)/);
  await corrected.fill(daysFromToday(-10));
  await pathway.getByRole('button', { name: "Enregistrer l'entrée" }).click();
  await expect(pathway).toContainText(`Date d'entrée : ${daysFromToday(-10)}`);
  await expect(page.getByText('Date d\'entrée corrigée.')).toBeVisible();

  // A step before the entry and ending before it starts: both errors at once, by their fields.
  await pathway.getByRole('button', { name: 'Ajouter une étape' }).click();
  const start = pathway.getByRole('textbox', { name: /^Début/ });
  const end = pathway.getByRole('textbox', { name: /^Fin/ });
  await start.fill(daysFromToday(-20));
  await end.fill(daysFromToday(-25));
  await pathway.getByRole('button', { name: 'Ajouter une étape' }).click();
  await expect(start).toHaveAccessibleDescription(/L'étape ne peut pas commencer avant l'entrée en parcours/);
  await expect(end).toHaveAccessibleDescription('La fin ne peut pas précéder le début.');
});

test('the facilitator chooses a criterion, sees every error at once, then withdraws the validation', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Retrait${Date.now().toString().slice(-6)}`;
  await loginAs(page, DEMO.referent);
  const url = await newParticipant(page, name, '03/04/1992');
  await logout(page);

  await loginAs(page, DEMO.facilitator);
  await page.goto(url);
  const section = page.getByRole('region', { name: 'Éligibilité aux clauses' });
  await section.getByRole('button', { name: 'Valider un critère' }).click();
  // Nothing is preselected; an empty criterion and a typo of the year show together.
  const criterion = select(page, 'Critère en cours');
  await expect(criterion).toHaveValue('');
  const validatedOn = section.getByRole('textbox', { name: /^Validé le/ });
  await validatedOn.fill('01/01/1890');
  await section.getByRole('button', { name: 'Valider un critère' }).last().click();
  await expect(criterion).toHaveAttribute('aria-invalid', 'true');
  await expect(validatedOn).toHaveAccessibleDescription(/Date trop ancienne/);
  await criterion.click();
  await page.getByRole('option', { name: LONG_TERM }).click();
  await validatedOn.fill(daysFromToday(-1));
  await section.getByRole('button', { name: 'Valider un critère' }).last().click();
  await expect(page.getByTestId('eligibility-status')).toContainText('Éligible jusqu');

  // Withdrawn with a reason (too short first): kept in the history, no longer counting.
  await section.getByRole('button', { name: /^Retirer la validation du/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Retirer la validation' });
  await dialog.getByRole('textbox', { name: /^Motif du retrait/ }).fill('Erreur');
  await dialog.getByRole('button', { name: 'Retirer la validation' }).click();
  await expect(dialog.getByText('Au moins 10 caractères.')).toBeVisible();
  const reason = "Justificatif d'une homonyme, saisi par erreur.";
  await dialog.getByRole('textbox', { name: /^Motif du retrait/ }).fill(reason);
  await dialog.getByRole('button', { name: 'Retirer la validation' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('eligibility-status')).toHaveText("Pas d'éligibilité en cours");
  await expect(section.getByTestId('withdrawn')).toContainText(`par ${DEMO.facilitator.name} : ${reason}`);
  await expect(section.getByRole('button', { name: /^Retirer la validation du/ })).toHaveCount(0);
  await logout(page);

  // The referent reads the withdrawal but is offered no button; a referent out of scope gets
  // the not-found page.
  await loginAs(page, DEMO.referent);
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'Éligibilité aux clauses' }).getByTestId('withdrawn')).toContainText(reason);
  await expect(page.getByRole('button', { name: /^Retirer la validation du/ })).toHaveCount(0);
  await logout(page);
  await loginAs(page, { email: 'conseiller@levier.demo', name: 'Thomas Girard' });
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expect(page.getByText(/^Introuvable : /)).toHaveCount(0);
});
