import { describe, expect, it } from 'vitest';

import { articleNumberValid, articleUrl, insertVariable } from '../src/features/tenders/article';

describe('article number', () => {
  it('accepts what the API accepts, and empty (the API then writes "X")', () => {
    for (const value of ['', '8', '7.2', '12-bis', 'IV', ' 8 ']) expect(articleNumberValid(value), value).toBe(true);
  });

  it('refuses spaces inside, other signs and more than 10 characters', () => {
    for (const value of ['7 2', '8/2', 'art#8', '12345678901']) expect(articleNumberValid(value), value).toBe(false);
  });
});

describe('article downloads', () => {
  it('asks for the format and the number, leaving the API its default when empty', () => {
    expect(articleUrl('t1', 'l1', 'docx', ' 7.2 ')).toBe('/api/v1/tenders/t1/lots/l1/clause-article?format=docx&article_number=7.2');
    expect(articleUrl('t1', 'l1', 'odt', '')).toBe('/api/v1/tenders/t1/lots/l1/clause-article?format=odt');
  });
});

describe('variable insertion', () => {
  it('puts the variable at the cursor and the cursor after it', () => {
    expect(insertVariable('Lot : .', 6, 6, 'lot.title')).toEqual({ text: 'Lot : {{ lot.title }}.', cursor: 21 });
  });

  it('replaces the selection', () => {
    expect(insertVariable('Lot : XX.', 6, 8, 'lot.number')).toEqual({ text: 'Lot : {{ lot.number }}.', cursor: 22 });
  });

  it('appends when the cursor is unknown or past the end', () => {
    expect(insertVariable('abc', 99, 99, 'hours').text).toBe('abc{{ hours }}');
  });
});
