import { expect, type Locator, type Page, test } from '@playwright/test';

import { DEMO, field, loginAs, navLink, openNav, seriousViolations } from './helpers';

const PHONE = { width: 390, height: 844 };

/** Whether a box lies within the phone's width (nothing pushed out of sight to the right). */
async function withinWidth(locator: Locator, width = PHONE.width): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= width + 1;
}

/** Whether an element shows its whole text (no ellipsis, no overflow). */
const wholeText = (locator: Locator) => locator.evaluate((node) => node.scrollWidth <= node.clientWidth + 1);

async function openMenu(page: Page, name: string) {
  await page.getByRole('button', { name: 'Ouvrir ou fermer le menu' }).click();
  await openNav(page, name);
}

test('on a phone, the participants list keeps every column in sight', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, DEMO.referent);
  await openMenu(page, 'Participants');
  const firstRow = page.getByRole('table').getByRole('row').nth(1);
  await expect(firstRow).toBeVisible();
  for (const label of ['Référent', 'Parcours', "Éligible jusqu'au", 'Commune']) {
    const cell = firstRow.locator(`td[data-label="${label}"]`);
    await expect(cell).toBeVisible();
    expect(await withinWidth(cell), label).toBe(true);
  }
  // The page itself does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
});

test('on a phone, the tender and lot pages show whole badges, lots and formulas', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, DEMO.facilitator);
  await openMenu(page, 'Marchés');
  const draft = page.getByRole('table').locator('.status-badge').filter({ hasText: 'Brouillon' }).first();
  await expect(draft).toBeVisible();
  expect(await wholeText(draft.locator('.mantine-Badge-label'))).toBe(true);
  await page.getByRole('link', { name: 'VLH-REHA-120' }).click();
  // The tender says which operation it belongs to.
  await expect(page.getByTestId('tender-operation')).toHaveText('NPNRU Quartiers Nord — Val de Loire');
  const lot = page.getByRole('table').getByRole('row').nth(1);
  for (const label of ['Heures', 'Attributaire ou décision']) expect(await withinWidth(lot.locator(`td[data-label="${label}"]`)), label).toBe(true);
  await page.getByRole('link', { name: /Gros œuvre/ }).first().click();
  const formula = page.getByTestId('estimate-formula');
  await expect(formula).toBeVisible();
  expect(await withinWidth(formula)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await seriousViolations(page)).toEqual([]);
});

test('read-only settings read as values, not as fields waiting to be typed in', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openNav(page, 'Paramètres des clauses');
  await expect(page.getByTestId('read-only-settings')).toBeVisible();
  const cost = page.getByLabel(/^Coût horaire \(€\)/);
  await expect(cost).toHaveAttribute('readonly', '');
  const look = await cost.evaluate((node) => {
    const style = getComputedStyle(node);
    return { background: style.backgroundColor, border: style.borderTopColor };
  });
  expect(look.background).not.toBe('rgb(255, 255, 255)');
  expect(look.border).toBe('rgba(0, 0, 0, 0)');
  // The criteria are listed, not shown as greyed-out boxes.
  await expect(page.getByTestId('enabled-criteria').getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(0);
});

test('dates are typed and shown as dd/mm/yyyy in a browser set to English, with a French calendar', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  // The sign-in page opens in the browser's English: the person chooses French there.
  await page.goto('/login');
  await page.getByText('FR', { exact: true }).click();
  await loginAs(page, DEMO.referent);
  await openNav(page, 'Participants');
  await page.getByRole('link', { name: 'Nouveau participant' }).click();
  const birth = field(page, 'Date de naissance');
  await expect(birth).toHaveAttribute('placeholder', 'jj/mm/aaaa');
  await birth.click();
  // Month and day names in French (dayjs's fr locale), weeks from Monday.
  await expect(page.getByText(/^(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/i)).toBeVisible();
  await expect(page.locator('.mantine-DateInput-weekday').first()).toHaveText(/^lu$/i);
  await birth.fill('3/4/1992');
  await field(page, 'Prénoms').click();
  await expect(birth).toHaveValue('03/04/1992');
  await context.close();
});

test('every home card opens a page that exists, for every role', async ({ page }) => {
  test.setTimeout(90_000); // five sign-ins and every card of each
  const roles = [DEMO.admin, DEMO.facilitator, DEMO.buyer, DEMO.enterprise, DEMO.referent];
  for (const who of roles) {
    await loginAs(page, who);
    const cards = page.getByTestId('home-card');
    const count = await cards.count();
    expect(count, who.email).toBeGreaterThan(0);
    // No card promises what does not exist yet (the monthly declaration comes with fulfilment).
    await expect(page.getByText('Déclaration des heures')).toHaveCount(0);
    for (let index = 0; index < count; index += 1) {
      await navLink(page, 'Accueil').click();
      await page.getByTestId('home-card').nth(index).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toHaveCount(0);
    }
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/login$/);
  }
});
