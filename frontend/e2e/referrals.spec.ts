import { expect, type Page, test } from '@playwright/test';

import { DEMO, daysFromToday, field, loginAs, logout, navLink, openNav, select, seriousViolations } from './helpers';

const PERSON = 'ÉBOUÉ Jean-Marc';
const HOURS_MESSAGE = "Un nombre d'heures de plus de 0 et jusqu'à 48, par exemple 26 ou 17,5.";

/** The facilitator opens an offer (its own title, so that a kept database is no trouble) on
 * the lot of the demo builder's first offer (the employer signing in below); its address. */
async function openOffer(page: Page, title: string): Promise<string> {
  await loginAs(page, DEMO.facilitator);
  await openNav(page, "Offres d'emploi");
  await page.getByRole('table').getByRole('row').filter({ hasText: 'Bâtir Ligérien' }).getByRole('link').first().click();
  await page.getByRole('link', { name: /^Lot \d+ — / }).click();
  await page.getByRole('button', { name: 'Publier une offre' }).click();
  // A lot of several enterprises (a consortium, subcontractors) asks for whose offer it is.
  const employer = select(page, 'Employeur');
  if (await employer.count()) {
    await employer.click();
    await page.getByRole('option', { name: 'Bâtir Ligérien SAS', exact: true }).click();
  }
  await select(page, 'Métier (ROME)').fill('couvreur');
  await page.getByRole('option', { name: /^F1619 — Couvreur/ }).click();
  await field(page, 'Intitulé du poste').fill(title);
  await page.getByRole('textbox', { name: 'Lieu (commune)' }).fill('Joué');
  await page.getByRole('option', { name: /Joué-lès-Tours/ }).click();
  await field(page, 'Date de début').fill(daysFromToday(20));
  await field(page, 'Heures par semaine').fill('35');
  await select(page, 'Type de contrat').click();
  await page.getByRole('option', { name: 'CDD', exact: true }).click();
  await page.getByRole('button', { name: 'Publier une offre' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const url = page.url();
  await logout(page);
  return url;
}

/** Issue 11, items 2–3: a referent proposes a person for an open offer, the employer meets and
 * hires them (the hire writes the mission), and the facilitator ends the mission. */
test('a person proposed for an offer is met, hired, and the mission ended', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Couvreur ${Date.now()}`;
  const offerUrl = await openOffer(page, title);

  // The referent proposes a person of her portfolio, with a word to the employer.
  await loginAs(page, DEMO.referent);
  await page.goto(offerUrl);
  await page.getByRole('button', { name: 'Proposer une personne' }).click();
  const proposal = page.getByRole('dialog');
  await expect(proposal.getByText("L'employeur lit ce message")).toBeVisible();
  await select(page, 'Personne').fill('Éboué');
  await page.getByRole('option', { name: new RegExp(PERSON) }).click();
  await field(page, "Message à l'employeur").fill('x'.repeat(2001));
  await proposal.getByRole('button', { name: 'Proposer une personne' }).click();
  await expect(proposal.getByText('Au plus 2000 caractères.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await field(page, "Message à l'employeur").fill('Disponible dès lundi ; permis B.');
  await proposal.getByRole('button', { name: 'Proposer une personne' }).click();
  await expect(proposal).toHaveCount(0);
  const referral = page.getByTestId('referral').filter({ hasText: PERSON });
  await expect(referral.getByTestId('referral-status')).toHaveText('Proposée');
  await expect(referral.getByRole('link', { name: 'referent@levier.demo' })).toHaveAttribute('href', 'mailto:referent@levier.demo');
  await logout(page);

  // The employer finds the candidate among its referrals: the name, never more of the person.
  await loginAs(page, DEMO.enterprise);
  await openNav(page, 'Candidatures');
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText(PERSON);
  expect(await seriousViolations(page)).toEqual([]);
  await row.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(referral).toContainText('Disponible dès lundi ; permis B.');
  await expect(referral).not.toContainText('naissance');
  await expect(referral.getByRole('link', { name: PERSON })).toHaveCount(0);

  await referral.getByRole('button', { name: /^Entretien/ }).click();
  await field(page, "Date de l'entretien").fill(daysFromToday(2));
  await field(page, "Date de l'entretien").press('Tab'); // the calendar closes
  await page.getByRole('dialog').getByRole('button', { name: 'Entretien' }).click();
  await expect(referral.getByTestId('referral-status')).toHaveText('Entretien');
  await expect(referral).toContainText(`Date de l'entretien : ${daysFromToday(2)}`);

  // The hire opens on the offer's terms; wrong hours are said next to their field.
  await referral.getByRole('button', { name: /^Embaucher/ }).click();
  const hire = page.getByRole('dialog');
  await expect(field(page, 'Date de début')).toHaveValue(daysFromToday(20));
  await expect(field(page, 'Heures par semaine')).toHaveValue('35');
  for (const hours of ['abc', '60']) {
    await field(page, 'Heures par semaine').fill(hours);
    await hire.getByRole('button', { name: 'Embaucher' }).click();
    await expect(field(page, 'Heures par semaine')).toHaveAttribute('aria-invalid', 'true');
    await expect(hire.getByText(HOURS_MESSAGE)).toBeVisible();
  }
  expect(await seriousViolations(page)).toEqual([]);
  await field(page, 'Heures par semaine').fill('35');
  await hire.getByRole('button', { name: 'Embaucher' }).click();
  await expect(hire.getByTestId('hire-confirm')).toContainText(`Embaucher ${PERSON}`);
  await hire.getByRole('button', { name: "Confirmer l'embauche" }).click();
  await expect(hire).toHaveCount(0);
  await expect(referral.getByTestId('referral-status')).toHaveText('Embauchée');
  // The offer had one post: it is filled, and the hire leads to the mission.
  await expect(page.getByText('Pourvue', { exact: true })).toBeVisible();
  await referral.getByRole('link', { name: 'Voir la mission' }).click();
  await expect(page.getByRole('heading', { name: `Mission de ${PERSON}`, level: 1 })).toBeVisible();
  await openNav(page, 'Missions');
  const mission = page.getByRole('row').filter({ hasText: title });
  await expect(mission).toContainText(PERSON);
  await expect(mission.getByTestId('assignment-state')).toHaveText('À venir');
  expect(await seriousViolations(page)).toEqual([]);
  await logout(page);

  // The facilitator ends the mission, with the reason.
  await loginAs(page, DEMO.facilitator);
  await expect(navLink(page, 'Missions')).toBeVisible();
  await openNav(page, 'Missions');
  await page.getByRole('row').filter({ hasText: title }).getByRole('link', { name: PERSON }).click();
  await page.getByRole('button', { name: 'Terminer la mission' }).click();
  const ending = page.getByRole('dialog');
  await expect(field(page, 'Date de fin')).toHaveValue(daysFromToday(20));
  await ending.getByRole('button', { name: 'Terminer la mission' }).click();
  await expect(ending.getByText('Ce champ est obligatoire.')).toBeVisible();
  await select(page, 'Motif de fin').click();
  await page.getByRole('option', { name: 'Fin pendant la période d\'essai' }).click();
  await ending.getByRole('button', { name: 'Terminer la mission' }).click();
  await expect(ending).toHaveCount(0);
  await expect(page.getByTestId('assignment-state')).toHaveText('Terminée');
  await expect(page.getByText(`Terminée le ${daysFromToday(20)} — Fin pendant la période d'essai`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Terminer la mission' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});
