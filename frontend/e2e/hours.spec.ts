import { readFile } from 'node:fs/promises';

import { expect, type Page, test } from '@playwright/test';

import { DEMO, field, loginAs, logout, openNav, select, seriousViolations } from './helpers';

const monthName = (offset: number) => {
  const date = new Date();
  date.setDate(1);
  date.setMonth(date.getMonth() + offset);
  return new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' }).format(date);
};

const grid = (page: Page) => page.getByRole('table', { name: 'Relevé mensuel des heures' });

/** Issue 11, item 4: the employer of record declares a month's hours in its grid (refused
 * beyond the ceiling or not a number), corrects them; the facilitator rejects one with a
 * reason and validates a whole month; a referent reads without acting. */
test('hours are declared, corrected, rejected and validated month by month', async ({ page }) => {
  test.setTimeout(120_000);
  const thisMonth = monthName(0);
  const lastMonth = monthName(-1);

  // The enterprise opens its grid on last month (the demo's last month waits for validation).
  await loginAs(page, DEMO.enterprise);
  await openNav(page, 'Heures');
  await expect(select(page, 'Mois')).toHaveValue(lastMonth);
  await expect(grid(page).getByTestId('hours-status').first()).toHaveText('En attente');
  await expect(page.getByRole('radio', { name: 'À valider' })).toHaveCount(0);

  // This month: a mission not yet declared.
  await page.getByRole('button', { name: 'Mois suivant' }).click();
  await expect(select(page, 'Mois')).toHaveValue(thisMonth);
  await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
  const declare = grid(page).getByRole('button', { name: /^Déclarer les heures de / }).first();
  const name = ((await declare.getAttribute('aria-label')) ?? '').replace('Déclarer les heures de ', '');
  await declare.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('de 0 à 210 (plafond mensuel)')).toBeVisible();
  for (const typed of ['abc', '250', '12,345']) {
    await field(page, `Heures travaillées en ${thisMonth}`).fill(typed);
    await dialog.getByRole('button', { name: 'Déclarer' }).click();
    await expect(dialog.getByText("Un nombre d'heures de 0 à 210, avec au plus deux décimales")).toBeVisible();
  }
  await field(page, `Heures travaillées en ${thisMonth}`).fill('151,5');
  await field(page, 'Note').fill('Deux jours d’intempéries.');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Déclarer' }).click();
  await expect(page.getByText(`Heures de ${name} déclarées pour ${thisMonth}.`)).toBeVisible();
  const row = grid(page).getByRole('row').filter({ hasText: name }).filter({ hasText: '151,5 h' });
  await expect(row.getByTestId('hours-status')).toHaveText('En attente');

  // Corrected while it waits: the form shows what was declared.
  await row.getByRole('button', { name: `Corriger les heures de ${name}` }).click();
  await expect(field(page, `Heures travaillées en ${thisMonth}`)).toHaveValue('151,5');
  await field(page, `Heures travaillées en ${thisMonth}`).fill('148');
  await dialog.getByRole('button', { name: 'Corriger' }).click();
  await expect(page.getByText(`Heures de ${name} corrigées pour ${thisMonth}`)).toBeVisible();
  await expect(grid(page).getByRole('row').filter({ hasText: name }).filter({ hasText: '148 h' })).toHaveCount(1);
  await logout(page);

  // The facilitator's queue: rejects this month's declaration with a reason…
  await loginAs(page, DEMO.facilitator);
  await openNav(page, 'Heures');
  await expect(page.getByRole('radiogroup', { name: 'Vue des heures' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'À valider' })).toBeChecked();
  const waiting = page.getByRole('row').filter({ hasText: name }).filter({ hasText: '148 h' });
  await waiting.getByRole('button', { name: `Refuser les heures de ${name}` }).click();
  await dialog.getByRole('button', { name: 'Refuser' }).click();
  await expect(dialog.getByText('Ce champ est obligatoire.')).toBeVisible();
  await field(page, 'Motif du refus').fill('Le relevé signé indique 140 heures.');
  await dialog.getByRole('button', { name: 'Refuser' }).click();
  await expect(page.getByText(`Heures de ${name} refusées pour ${thisMonth}`)).toBeVisible();
  await expect(waiting).toHaveCount(0);

  // …and validates last month at once, after being told how many.
  await select(page, 'Mois').click();
  await page.getByRole('option', { name: lastMonth }).click();
  await page.getByRole('button', { name: `Valider tout ${lastMonth}` }).click();
  await expect(dialog.getByText(`pour ${lastMonth} seront validées`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Tout valider' }).click();
  await expect(page.getByText(new RegExp(`^\\d+ déclarations? validées? pour ${lastMonth}\\.$`))).toBeVisible();
  await expect(page.getByText(`Aucune déclaration à valider pour ${lastMonth}.`)).toBeVisible();

  // The employer's grid, seen by the facilitator: the rejection and its reason.
  await page.getByText('Relevé mensuel', { exact: true }).click();
  await expect(page.getByText("Choisissez l'employeur dont vous voulez voir le relevé.")).toBeVisible();
  await select(page, 'Employeur').fill('Bâtir');
  await page.getByRole('option', { name: /Bâtir Ligérien/ }).click();
  await page.getByRole('button', { name: 'Mois suivant' }).click();
  const rejected = grid(page).getByRole('row').filter({ hasText: name }).filter({ hasText: '148 h' });
  await expect(rejected.getByTestId('hours-status')).toHaveText('Refusées');
  await expect(rejected.getByText('Le relevé signé indique 140 heures.')).toBeVisible();
  await logout(page);

  // A referent reads her people's hours, with no action.
  await loginAs(page, DEMO.referent);
  await openNav(page, 'Heures');
  await expect(page.getByRole('radiogroup', { name: 'Vue des heures' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Valider|Refuser|Corriger) les heures/ })).toHaveCount(0);
});

/** Issue 11, item 4: the employer downloads the month's template, fills it, sees each wrong
 * line named in the file's terms (nothing written), then imports it whole. */
test('a month of hours is imported from the filled template, all or nothing', async ({ page }) => {
  test.setTimeout(90_000);
  const thisMonth = monthName(0);
  await loginAs(page, DEMO.enterprise);
  await openNav(page, 'Heures');
  await page.getByRole('button', { name: 'Mois suivant' }).click();
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: `Modèle à remplir (${thisMonth})` }).click();
  const template = await saved;
  expect(template.suggestedFilename()).toMatch(/^heures-\d{4}-\d{2}\.csv$/);
  const text = await readFile(await template.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true); // the byte order mark Excel needs for UTF-8
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toBe('mission;nom;prenoms;lot;mois;heures;note');
  expect(lines.length).toBeGreaterThan(1);
  const filled = (hours: (index: number) => string) =>
    [lines[0], ...lines.slice(1).map((line, index) => {
      const cells = line.split(';');
      cells[5] = hours(index);
      return cells.join(';');
    })].join('\n');

  await page.getByRole('button', { name: 'Importer un fichier' }).click();
  const dialog = page.getByRole('dialog');
  const choose = async (content: string) => {
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: /^Fichier CSV/ }).click();
    await (await chooser).setFiles({ name: 'heures.csv', mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  };
  await choose(filled((index) => (index === 0 ? 'abc' : '99,5')));
  await dialog.getByRole('button', { name: 'Vérifier le fichier' }).click();
  const report = dialog.getByTestId('import-report');
  await expect(report.getByText('« heures » (abc) : Un nombre est attendu')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Importer les heures' })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);

  await choose(filled(() => '99,5'));
  await dialog.getByRole('button', { name: 'Vérifier le fichier' }).click();
  await expect(report.getByText(new RegExp(`^${lines.length - 1} lignes? valides? sur ${lines.length - 1}`))).toBeVisible();
  await dialog.getByRole('button', { name: 'Importer les heures' }).click();
  await expect(page.getByText(/^Heures importées : \d+ déclarations? et \d+ corrections?\.$/)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(grid(page).getByText('99,5 h')).toHaveCount(lines.length - 1);
});
