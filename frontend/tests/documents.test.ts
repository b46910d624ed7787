import { describe, expect, it } from 'vitest';

import { defaultReportMonth, fileSize, OUTCOMES, shortDigest, showsDigest } from '../src/features/documents/documents';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';

describe('issued documents', () => {
  it('sizes in the interface language', () => {
    expect(fileSize(512, 'fr')).toBe('512 o');
    expect(fileSize(12_345, 'fr')).toBe('12,3 ko');
    expect(fileSize(1_234_567, 'en')).toBe('1.2 MB');
  });

  it('shows the start of the digest', () => {
    expect(shortDigest({ sha256: 'ab'.repeat(32) })).toBe('abababababab');
  });

  it('offers no outcome that would be health data', () => {
    expect(OUTCOMES).not.toContain('neutralised');
    for (const outcome of OUTCOMES) expect(fr.exitCategories[outcome]).toBeTruthy();
  });

  it("proposes the last complete month for the buyer's report", () => {
    expect(defaultReportMonth('2026-12-04')).toBe('2026-11');
    expect(defaultReportMonth('2027-01-31')).toBe('2026-12');
  });

  it('says an issued edition is archived for good before issuing it', () => {
    expect(fr.documents.issuedForGood).toContain('pour de bon');
    expect(en.documents.issuedForGood).toContain('for good');
    expect(fr.documents.issueBuyerReportConfirm).toContain('{{month}}');
  });

  it('shows the SHA-256 digest to the facilitator and the admin only', () => {
    expect(showsDigest('facilitator')).toBe(true);
    expect(showsDigest('admin')).toBe(true);
    expect(showsDigest('enterprise')).toBe(false);
    expect(showsDigest('buyer')).toBe(false);
  });
});
