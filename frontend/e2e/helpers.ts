import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'levier-demo-2026';

export const DEMO = {
  admin: { email: 'admin@levier.demo', name: 'Alice Martin' },
  facilitator: { email: 'facilitateur@levier.demo', name: 'Karim Benali' },
  buyer: { email: 'acheteur@levier.demo', name: 'Sophie Leroy' },
  enterprise: { email: 'entreprise@levier.demo', name: 'Julien Moreau' },
  referent: { email: 'referent@levier.demo', name: 'Nadia Haddad' },
} as const;

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** An input by the start of its label (labels of required fields end with " *"). */
/** A day `days` from today as people type it (dd/mm/yyyy): what has happened (an award, an
 * amendment, a decision) is dated in the past, whatever day the tests run. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`;
}

export const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

/** A Mantine Select (an input with the combobox role) by its label. */
export const select = (page: Page, label: string) =>
  page.getByRole('combobox', { name: label, exact: true });

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await field(page, 'Adresse e-mail').fill(email);
  await field(page, 'Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function loginAs(page: Page, who: { email: string; name: string }): Promise<void> {
  await login(page, who.email);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${who.name}` })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** A SIRET with a valid Luhn key that no earlier run used (the database is kept between runs). */
export function uniqueSiret(): string {
  const base = `9${String(Date.now()).slice(-12)}`;
  for (let digit = 0; digit < 10; digit += 1) {
    const candidate = `${base}${digit}`;
    const sum = [...candidate].reverse().reduce((total, char, index) => {
      let value = Number(char);
      if (index % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      return total + value;
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('no key digit');
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the current page. axe is evaluated through the
 * debugging protocol rather than added as a <script>: the app's Content-Security-Policy (no
 * inline script) stays on during these checks too.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await settled(page); // colours are checked once fades are over
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Once every running transition ended (a dialog fading in is checked at full opacity), including
 * those that start meanwhile (a toast appearing); one cancelled and restarted is waited for again. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let round = 0; round < 20; round += 1) {
      const running = document.getAnimations().filter((animation) => animation.playState === 'running');
      if (running.length === 0) return;
      await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    }
  });
}

/** A link of the main navigation (home cards may carry the same words). */
export const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name, exact: true });

export async function openNav(page: Page, name: string): Promise<void> {
  await navLink(page, name).click();
}

/** A referent adds a clause-assignment step (CDDI, 26 h a week) on a lot — the first one
 * offered, or the one named — with the lot's first employer; the lot and employer chosen. */
export async function addClauseStep(page: Page, lot?: string): Promise<{ lot: string; employer: string }> {
  await page.getByRole('button', { name: 'Ajouter une étape' }).click();
  await select(page, "Type d'étape").click();
  await page.getByRole('option', { name: 'Mission sur une clause' }).click();
  // Nothing is pre-filled: a step's date is always the one typed.
  await page.getByRole('textbox', { name: /^Début/ }).fill(daysFromToday(0));
  await select(page, 'Contrat').click();
  await page.getByRole('option', { name: 'CDDI' }).click();
  await field(page, 'Heures par semaine').fill('26');
  await select(page, 'Lot de la clause').click();
  const lotOption = lot ? page.getByRole('option', { name: lot }) : page.getByRole('option').first();
  const lotLabel = (await lotOption.innerText()).replace(/ \([\d\s\u00a0\u202f]+ h\)$/, '');
  await lotOption.click();
  await select(page, 'Employeur').click();
  const employerOption = page.getByRole('option').first();
  const employer = (await employerOption.innerText()).replace(/ \(.*\)$/, '');
  await employerOption.click();
  await page.getByRole('button', { name: 'Ajouter une étape' }).last().click();
  return { lot: lotLabel, employer };
}

/** The facilitator validates the first criterion offered for a person of the queue. */
export async function validateFromQueue(page: Page, name: string): Promise<void> {
  await openNav(page, 'Éligibilités à valider');
  await page.getByRole('link', { name: new RegExp(name.toUpperCase()) }).click();
  await page.getByRole('button', { name: 'Valider un critère' }).click();
  // No criterion is preselected: the facilitator chooses it.
  await select(page, 'Critère en cours').click();
  await page.getByRole('option', { name: "Demandeur d'emploi de longue durée (12 mois ou plus)" }).click();
  await page.getByRole('button', { name: 'Valider un critère' }).last().click();
  await expect(page.getByTestId('eligibility-status')).toContainText('Éligible jusqu');
}
