/** The clause article's pure rules: its number as the API accepts it, its downloads, and the
 * template editor's insertion of a variable at the cursor. */

/** The article number the API accepts (`^[\w.-]+$`, 10 characters at most), e.g. 8 or 7.2. */
export const ARTICLE_NUMBER = /^[\p{L}\p{N}_.-]{1,10}$/u;

export function articleNumberValid(value: string): boolean {
  return value.trim() === '' || ARTICLE_NUMBER.test(value.trim());
}

export const ARTICLE_FORMATS = ['docx', 'odt', 'pdf'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** The download address of a lot's article; an empty number leaves the API's own ("X"). */
export function articleUrl(tenderId: string, lotId: string, format: ArticleFormat, articleNumber: string): string {
  const query = new URLSearchParams({ format });
  if (articleNumber.trim()) query.set('article_number', articleNumber.trim());
  return `/api/v1/tenders/${tenderId}/lots/${lotId}/clause-article?${query.toString()}`;
}

/** `{{ name }}` put in place of the selection [start, end), and where the cursor goes next. */
export function insertVariable(text: string, start: number, end: number, name: string): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  const snippet = `{{ ${name} }}`;
  return { text: text.slice(0, from) + snippet + text.slice(to), cursor: from + snippet.length };
}
