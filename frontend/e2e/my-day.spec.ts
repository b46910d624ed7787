import { expect, test } from '@playwright/test';

import { DEMO, daysFromToday, field, loginAs, logout, select, seriousViolations } from './helpers';

const PHONE = { width: 360, height: 740 };

/** Issue 11, item 8: every role's home page is its day — what is its to do, overdue first, and
 * who acts next on the rest. The enterprise snoozes one item (a day in the past is refused) and
 * hands another over to the facilitator with a note; the facilitator finds it in its own day. */
test('the enterprise snoozes and hands over items of its day; the facilitator takes one', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await loginAs(page, DEMO.enterprise);
  const day = page.getByRole('region', { name: 'Ma journée' });
  await expect(day).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await seriousViolations(page)).toEqual([]);
  const cards = day.getByTestId('follow-up');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(1);

  // Snooze the first: a past day is refused where it was typed; a week ahead is taken.
  const first = cards.first();
  const firstTitle = (await first.getByRole('heading', { level: 4 }).textContent()) ?? '';
  await first.getByRole('button', { name: 'Reporter' }).click();
  const snooze = page.getByRole('dialog', { name: 'Reporter ce suivi' });
  await field(page, 'Reporter au').fill(daysFromToday(-3));
  await field(page, 'Reporter au').press('Tab'); // the calendar closes
  await snooze.getByRole('button', { name: 'Reporter', exact: true }).click();
  await expect(snooze.getByText('Choisissez un jour après aujourd\'hui.')).toBeVisible();
  // The first item is overdue: putting it off says why.
  await expect(snooze.getByText('Ce champ est obligatoire.')).toBeVisible();
  await field(page, 'Note').fill('Le chef de chantier rentre lundi.');
  await snooze.getByRole('button', { name: 'Dans une semaine' }).click();
  await snooze.getByRole('button', { name: 'Reporter', exact: true }).click();
  await expect(page.getByText(`Suivi reporté au ${daysFromToday(7)}.`)).toBeVisible();
  await expect(snooze).toHaveCount(0);
  await expect(day.getByText(/reporté \(prévu le \d{2}\/\d{2}\/\d{4}\)/).first()).toBeVisible();

  // Hand a candidate's answer over (the structure may answer for the employer): nobody chosen
  // and no note are both said; then to Karim.
  const next = cards.filter({ hasText: 'Candidature à laquelle répondre' }).first();
  const title = (await next.getByRole('heading', { level: 4 }).textContent()) ?? '';
  expect(title.length).toBeGreaterThan(0);
  await next.getByRole('button', { name: 'Transmettre' }).click();
  const handOver = page.getByRole('dialog', { name: 'Transmettre ce suivi' });
  await handOver.getByRole('button', { name: 'Transmettre', exact: true }).click();
  await expect(handOver.getByText('Ce champ est obligatoire.')).toHaveCount(2);
  await select(page, 'Transmettre à').click();
  await page.getByRole('option', { name: new RegExp(`^${DEMO.facilitator.name} — `) }).click();
  await field(page, 'Note').fill('Pouvez-vous appeler la candidate ? Notre chef de chantier est absent.');
  await handOver.getByRole('button', { name: 'Transmettre', exact: true }).click();
  await expect(page.getByText(`Suivi transmis à ${DEMO.facilitator.name}.`)).toBeVisible();
  await expect(cards).toHaveCount(count - 1);
  expect(firstTitle.length).toBeGreaterThan(0);

  await logout(page);
  await loginAs(page, DEMO.facilitator);
  const handed = day.getByTestId('follow-up').filter({ hasText: 'Pouvez-vous appeler la candidate ?' });
  await expect(handed).toHaveCount(1);
  await expect(handed.getByText('Transmis à vous')).toBeVisible();
  await expect(handed.getByText('Note : Pouvez-vous appeler la candidate ?', { exact: false })).toBeVisible();
  await expect(handed.getByRole('heading', { level: 4 })).toHaveText(title);
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(/non lue/);
});
