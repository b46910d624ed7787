import { expect, test } from '@playwright/test';

import { DEMO, loginAs, logout, openNav, seriousViolations } from './helpers';

/** Issue 11, items 5 and 7: the facilitator finds a clause fulfilled on the compliance page,
 * reads where it stands on the lot, issues the completion certificate; the awardee downloads
 * the very same file. */
test('a fulfilled clause gets its completion certificate, downloaded by the awardee', async ({ page }) => {
  test.setTimeout(90_000);
  await loginAs(page, DEMO.facilitator);
  await openNav(page, 'Réalisation des clauses');
  await expect(page.getByRole('heading', { level: 1, name: 'Réalisation des clauses' })).toBeVisible();
  await expect(page.getByText('Toute la structure')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Lots fulfilled (or exceeded): the status buttons filter the list.
  await page.getByRole('button', { name: /^Réalisée : [1-9]/ }).click();
  await expect(page).toHaveURL(/status=fulfilled/);
  const table = page.getByRole('table', { name: 'Lots avec clause et où ils en sont' });
  await expect(table.getByTestId('compliance-status').first()).toHaveText('Réalisée');
  await table.getByRole('link').first().click();

  const compliance = page.getByTestId('lot-compliance');
  await expect(compliance.getByTestId('compliance-status')).toHaveText('Réalisée');
  await expect(compliance.getByText('Heures comptées', { exact: true }).first()).toBeVisible();
  await expect(compliance.getByTestId('compliance-chart')).toBeVisible();
  await compliance.getByRole('button', { name: 'Voir en tableau' }).click();
  await expect(compliance.getByRole('table', { name: 'Heures comptées et attendues, mois par mois' })).toBeVisible();
  const lotUrl = page.url();

  await page.getByRole('button', { name: "Délivrer l'attestation" }).click();
  // An edition is archived for good: the dialog says so and asks first.
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('archivée pour de bon');
  await confirm.getByRole('button', { name: 'Délivrer', exact: true }).click();
  await expect(page.getByText('Attestation délivrée.')).toBeVisible();
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Télécharger / }).first().click();
  const file = await saved;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(await seriousViolations(page)).toEqual([]);
  await logout(page);

  // The awardee reads the same certificate on its lot.
  await loginAs(page, DEMO.enterprise);
  await page.goto(lotUrl);
  await expect(page.getByTestId('lot-compliance').getByTestId('compliance-status')).toHaveText('Réalisée');
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Télécharger / }).first().click();
  expect((await again).suggestedFilename()).toBe(file.suggestedFilename());
  await expect(page.getByRole('button', { name: "Délivrer l'attestation" })).toHaveCount(0);
});
