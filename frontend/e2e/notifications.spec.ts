import { expect, test } from '@playwright/test';

import { DEMO, loginAs, seriousViolations } from './helpers';

const PHONE = { width: 360, height: 740 };

/** Issue 11, item 6: the reminder job told the demo enterprise that a month's hours were not
 * declared yet; the header's bell counts what is unread and opens the list, where each
 * notification opens its page and is marked read. */
test('the enterprise reads its reminders from the bell, on a phone too', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, DEMO.enterprise);
  // Nothing runs past the screen, with the bell in the header.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.getByTestId('notification-bell').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Vos notifications' });
  const reminder = list.getByRole('link', { name: /^Heures (de |d')\S+ \d{4} à déclarer : / }).first();
  await expect(reminder).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await seriousViolations(page)).toEqual([]);

  // A reminder opens the month's hours, and is read: one fewer waits (the others remind the
  // enterprise of its lots that are late); marking all read leaves none.
  const unread = async () => Number(/(\d+) non lue/.exec((await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '')?.[1] ?? 0);
  const before = await unread();
  expect(before).toBeGreaterThan(0);
  await reminder.click();
  await expect(page).toHaveURL(/\/hours\?month=\d{4}-\d{2}$/);
  await expect.poll(unread).toBe(before - 1);
  await page.getByTestId('notification-bell').click();
  await expect(list.getByRole('link').first()).toBeVisible();
  if (before > 1) await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
  await expect(page.getByRole('button', { name: 'Tout marquer comme lu' })).toHaveCount(0);
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName('Notifications');
  await page.getByText('Non lues', { exact: true }).click();
  await expect(page).toHaveURL(/show=unread/);
  await expect(page.getByText('Aucune notification non lue.')).toBeVisible();
});
