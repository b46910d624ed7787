import { expect, test } from '@playwright/test';

import { DEMO, loginAs, openNav, seriousViolations } from './helpers';

// Issue 10, C.8: the clause article previewed as a document (headings, lists, bold), downloaded
// editable (Word, OpenDocument) or as PDF under the number the buyer gives it; the admin's
// template editor with its variables and a live preview.

test('the facilitator reads the article as a document and downloads it as Word and OpenDocument', async ({ page }) => {
  await loginAs(page, DEMO.facilitator);
  await openNav(page, 'Marchés');
  await page.getByRole('link', { name: 'VLH-REHA-120' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /VLH-REHA-120/ })).toBeVisible();
  await page.getByRole('table').getByRole('link').first().click();
  const article = page.getByTestId('article');
  await expect(article).toBeVisible();
  // Real headings and bold text, no Markdown signs.
  await expect(article.getByRole('heading', { level: 3, name: /Clause sociale d'insertion/ })).toBeVisible();
  await expect(article.getByRole('heading', { level: 4, name: /\.2 Volume d'heures d'insertion/ })).toBeVisible();
  await expect(article.locator('strong').first()).toBeVisible();
  await expect(article.getByRole('listitem').first()).toBeVisible();
  await expect(article).not.toContainText('#');
  await expect(article).not.toContainText('**');

  // The article number the buyer's CCAP gives it, in the preview and in the downloads.
  const number = page.getByLabel("Numéro d'article");
  await number.fill('7 2');
  await expect(page.getByText('Chiffres, lettres, points ou tirets')).toBeVisible();
  await number.fill('7.2');
  await expect(article.getByRole('heading', { level: 3, name: /^Article 7\.2 — / })).toBeVisible();
  await expect(article.getByRole('heading', { level: 4, name: /^7\.2\.1 Objet/ })).toBeVisible();

  for (const [label, extension] of [
    ['Télécharger (Word .docx)', 'docx'],
    ['Télécharger (OpenDocument .odt)', 'odt'],
    ['Télécharger en PDF', 'pdf'],
  ] as const) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: label }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^clause-insertion-VLH-REHA-120-lot-\\d+\\.${extension}$`));
  }
  await page.getByRole('region', { name: 'Article de la clause (CCAP)' }).screenshot({ path: 'test-results/article-lot.png' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('the admin edits the template beside its variables, with a live preview and the errors in French', async ({ page }) => {
  await loginAs(page, DEMO.admin);
  await openNav(page, 'Paramètres des clauses');
  await expect(page.getByRole('heading', { level: 1, name: 'Paramètres des clauses' })).toBeVisible();
  const variables = page.getByTestId('template-variables');
  await expect(variables).toContainText('{{ lot.title }}');
  await expect(variables).toContainText('Intitulé du lot');
  await expect(variables).toContainText("Heures d'insertion à réaliser");
  const preview = page.getByTestId('template-preview');
  await expect(preview.getByRole('heading', { level: 4, name: /^Article 8 — Clause sociale/ })).toBeVisible();

  // Typed: the preview follows (a sample lot, article 8).
  const editor = page.getByTestId('template-editor');
  await editor.fill("# Article {{ article_number }} — Essai de modèle\n\nCorps d'état : ");
  await expect(preview.getByRole('heading', { level: 4, name: 'Article 8 — Essai de modèle' })).toBeVisible();
  // A variable clicked goes in at the cursor (the end of the text here).
  await editor.press('End');
  await page.getByRole('button', { name: 'Insérer lot.trade' }).click();
  await expect(editor).toHaveValue("# Article {{ article_number }} — Essai de modèle\n\nCorps d'état : {{ lot.trade }}");
  await expect(preview).toContainText("Corps d'état : Maçonnerie");
  await editor.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/article-template.png' });

  // A template that does not parse: the API's reason under the editor, in French.
  await editor.fill('# Article {% if %} sans fin');
  await expect(page.getByText(/Modèle d'article invalide \(ligne 1\)/)).toBeVisible();
  await expect(page.getByText('Aperçu non mis à jour : corrigez le modèle.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // Nothing was saved: the next visit shows the structure's template again.
  await page.reload();
  await expect(page.getByTestId('template-preview').getByRole('heading', { level: 4, name: /Clause sociale/ })).toBeVisible();
});
