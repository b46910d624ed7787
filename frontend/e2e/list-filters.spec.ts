import { expect, type Page, test } from '@playwright/test';

import { DEMO, loginAs, openNav, select } from './helpers';

/** The "N éléments affichés" line under a list, once the list has loaded. */
const shown = (page: Page) => page.getByRole('status').filter({ hasText: /affichés?$/ });

async function shownCount(page: Page): Promise<number> {
  await expect(shown(page)).toBeVisible();
  return Number((await shown(page).innerText()).replace(/\D/g, ''));
}

test('a filtered list keeps its search and filters in the URL: reload, Back and Forward', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openNav(page, 'Participants');
  await expect(page).toHaveURL(/\/participants$/);
  const all = await shownCount(page);

  // Typed key by key: the URL follows once typing pauses, without one history entry per key.
  const search = page.getByRole('searchbox', { name: 'Rechercher un nom' });
  await search.pressSequentially('ma', { delay: 50 });
  await expect(page).toHaveURL(/\/participants\?q=ma$/);
  const searched = await shownCount(page);
  await select(page, 'Parcours').click();
  await page.getByRole('option', { name: 'Parcours en cours' }).click();
  await expect(page).toHaveURL(/\/participants\?q=ma&pathway=open$/);
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Parcours en cours');
  const filtered = await shownCount(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);

  await page.reload();
  await expect(search).toHaveValue('ma');
  await expect(select(page, 'Parcours')).toHaveValue('Parcours en cours');
  expect(await shownCount(page)).toBe(filtered);

  // Back undoes the select (the typing replaced its entry rather than adding "m" then "ma").
  await page.goBack();
  await expect(page).toHaveURL(/\/participants\?q=ma$/);
  await expect(search).toHaveValue('ma');
  await expect(select(page, 'Parcours')).toHaveValue('');
  expect(await shownCount(page)).toBe(searched);

  await page.goForward();
  await expect(page).toHaveURL(/\/participants\?q=ma&pathway=open$/);
  await expect(select(page, 'Parcours')).toHaveValue('Parcours en cours');
  expect(await shownCount(page)).toBe(filtered);

  // Clearing the search leaves it out of the URL.
  await search.clear();
  await expect(page).toHaveURL(/\/participants\?pathway=open$/);
});
