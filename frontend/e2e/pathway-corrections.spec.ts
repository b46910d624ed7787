import { expect, type Page, test } from '@playwright/test';

import { daysFromToday, DEMO, field, loginAs, logout, openNav, select } from './helpers';

const COORDINATOR = { email: 'coordination@levier.demo', name: 'Élodie Petit' };

async function newParticipant(page: Page, name: string): Promise<void> {
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  await field(page, 'Nom').fill(name);
  await field(page, 'Prénoms').fill('Maëlle');
  await field(page, 'Date de naissance').fill('14/02/1990');
  await select(page, 'Sexe').click();
  await page.getByRole('option', { name: 'Femme' }).click();
  await select(page, "Structure d'animation des clauses").click();
  await page.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name.toUpperCase()) })).toBeVisible();
}

async function addStep(page: Page, kind: string, start: string): Promise<void> {
  const pathway = page.getByTestId('pathway');
  await pathway.getByRole('button', { name: 'Ajouter une étape' }).click();
  await select(page, "Type d'étape").click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await pathway.getByRole('textbox', { name: /^Début/ }).fill(start);
  await pathway.getByRole('button', { name: 'Ajouter une étape' }).click();
  await expect(pathway.getByRole('form', { name: 'Ajouter une étape' })).toHaveCount(0);
}

test('a referent fixes a step entered by mistake, enters an earlier one, then corrects and undoes the exit', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Correction${Date.now().toString().slice(-6)}`;
  await loginAs(page, DEMO.referent);
  await newParticipant(page, name);
  // The notice is a plain note (no alert announced on every page), the structure is named.
  await expect(page.getByTestId('legal-notice')).toHaveAttribute('role', 'note');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const identity = page.getByRole('region', { name: 'Identité' });
  await expect(identity).toContainText("Structure d'animation des clauses");
  await expect(identity).not.toContainText('Aucune');

  await field(page, "Date d'entrée").fill(daysFromToday(-30));
  await page.getByRole('button', { name: 'Ouvrir un parcours' }).click();
  const pathway = page.getByTestId('pathway');

  // Nothing is pre-filled: an empty step form is refused, by its fields.
  await pathway.getByRole('button', { name: 'Ajouter une étape' }).click();
  await expect(select(page, "Type d'étape")).toHaveValue('');
  await expect(pathway.getByRole('textbox', { name: /^Début/ })).toHaveValue('');
  await pathway.getByRole('button', { name: 'Ajouter une étape' }).click();
  await expect(select(page, "Type d'étape")).toHaveAttribute('aria-invalid', 'true');
  await pathway.getByRole('button', { name: 'Annuler' }).click();

  // A step dated today by mistake, then an earlier one: accepted, shown in date order.
  await addStep(page, 'Diagnostic', daysFromToday(0));
  await addStep(page, 'Accompagnement', daysFromToday(-20));
  const steps = pathway.getByTestId('pathway-step');
  await expect(steps).toHaveCount(2);
  await expect(steps.first()).toContainText('Accompagnement');
  await expect(steps.last()).toContainText('Diagnostic');

  // The mistaken step is corrected (kind and date) …
  await steps.last().getByRole('button', { name: /^Corriger/ }).click();
  await select(page, "Type d'étape").click();
  await page.getByRole('option', { name: 'Immersion (PMSMP)', exact: true }).click();
  await pathway.getByRole('textbox', { name: /^Début/ }).fill(daysFromToday(-25));
  await pathway.getByRole('button', { name: "Enregistrer l'étape" }).click();
  await expect(page.getByText('Étape corrigée.')).toBeVisible();
  await expect(steps.first()).toContainText('Immersion (PMSMP)');
  await expect(steps.first()).toContainText(daysFromToday(-25));

  // … and the other removed, once confirmed, with a reason.
  await steps.last().getByRole('button', { name: /^Supprimer l'étape/ }).click();
  const dialog = page.getByRole('dialog', { name: "Supprimer l'étape" });
  await expect(dialog).toContainText(`« Accompagnement » du ${daysFromToday(-20)}`);
  await dialog.getByRole('textbox', { name: 'Motif (facultatif)' }).fill('Doublon');
  await dialog.getByRole('button', { name: "Supprimer l'étape" }).click();
  await expect(steps).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('steps-corrected.png'), fullPage: true });

  // The exit asks for confirmation, naming the date and the situation.
  await pathway.getByRole('button', { name: 'Enregistrer la sortie' }).click();
  await field(page, 'Date de sortie').fill(daysFromToday(-2));
  await select(page, 'Situation à la sortie').click();
  await page.getByRole('option', { name: 'CDI', exact: true }).click();
  await pathway.getByRole('button', { name: 'Enregistrer la sortie' }).click();
  const confirm = page.getByRole('dialog', { name: 'Enregistrer la sortie' });
  await expect(confirm).toContainText(`Enregistrer la sortie du ${daysFromToday(-2)} : CDI (Emploi durable)`);
  await page.screenshot({ path: test.info().outputPath('exit-confirm.png') });
  await confirm.getByRole('button', { name: 'Retour' }).click();
  await expect(page.getByTestId('exit')).toHaveCount(0);
  await pathway.getByRole('button', { name: 'Enregistrer la sortie' }).click();
  await confirm.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByTestId('exit')).toContainText('Emploi durable');

  // The exit is corrected …
  await pathway.getByRole('button', { name: 'Corriger la sortie' }).click();
  await select(page, 'Situation à la sortie').click();
  await page.getByRole('option', { name: 'Chômage', exact: true }).click();
  await pathway.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await page.getByRole('dialog', { name: 'Enregistrer la correction' }).getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByTestId('exit')).toContainText('Autre sortie');

  // … or undone: the pathway is open again, its step kept.
  await pathway.getByRole('button', { name: 'Rouvrir le parcours' }).click();
  await page.getByRole('dialog', { name: 'Rouvrir le parcours' }).getByRole('button', { name: 'Rouvrir le parcours' }).click();
  await expect(page.getByTestId('exit')).toHaveCount(0);
  await expect(pathway.getByRole('button', { name: 'Enregistrer la sortie' })).toBeVisible();
  await expect(steps).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('reopened.png'), fullPage: true });
});

test("the coordinator's dashboard breaks down by organisation, over a period, in her own words", async ({ page }) => {
  await loginAs(page, COORDINATOR);
  const cards = page.getByTestId('home-card');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByText(/vous accompagnez/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Tableau de bord du réseau/ })).toBeVisible();

  await openNav(page, 'Tableau de bord');
  const organisations = page.getByTestId('by-organisation');
  await expect(organisations.getByRole('row')).toHaveCount(3); // the heading and two organisations
  await expect(page.getByRole('heading', { name: 'Par organisation' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Par référent' })).toBeVisible();
  const year = String(new Date().getFullYear());
  await select(page, 'Sorties de la période').click();
  await page.getByRole('option', { name: year }).click();
  await expect(page.getByTestId('stats-period-shown')).toContainText(`Sorties du 01/01/${year} au 31/12/${year}`);
  await select(page, 'Sorties de la période').click();
  await page.getByRole('option', { name: 'Entre deux dates' }).click();
  await page.getByRole('textbox', { name: /^Du/ }).fill('01/06/2025');
  await page.getByRole('textbox', { name: /^Au/ }).fill('01/01/2025');
  await expect(page.getByRole('textbox', { name: /^Au/ })).toHaveAccessibleDescription('La fin ne peut pas précéder le début.');
  await page.getByRole('textbox', { name: /^Au/ }).fill('31/12/2025');
  await expect(page.getByTestId('stats-period-shown')).toContainText('Sorties du 01/06/2025 au 31/12/2025');
  await page.screenshot({ path: test.info().outputPath('coordinator-dashboard.png'), fullPage: true });
  await logout(page);
});
