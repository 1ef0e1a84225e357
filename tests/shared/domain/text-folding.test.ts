import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKeys } from '../../../shared/domain/search-keys';
import { compactFold, foldName, foldText, matchesSearch, parseSearchQuery } from '../../../shared/domain/text-folding';
import { aVolunteer } from './factories';

describe('folding', () => {
  it('removes accents and case, turns hyphens, apostrophes and punctuation into spaces', () => {
    expect(foldText('Hélène')).toBe('helene');
    expect(foldText('  JEAN-PIERRE   N’Diaye ')).toBe('jean pierre n diaye');
    expect(foldText('Nguyễn Thị')).toBe('nguyen thi');
    expect(foldText('Ça, c’est «\u00a0bien\u00a0» !')).toBe('ca c est bien');
  });

  it('spells out œ, æ and ß', () => {
    expect(foldText('BŒUF Lætitia Straße')).toBe('boeuf laetitia strasse');
  });

  it('drops French and other name particles as separate tokens only', () => {
    expect(foldName('Le Fèvre')).toBe('fevre');
    expect(foldName("d'Artagnan")).toBe('artagnan');
    expect(foldName('Jean de La Fontaine')).toBe('jean fontaine');
    expect(foldName('Ludwig van Beethoven')).toBe('ludwig beethoven');
    expect(foldName('Delahaye')).toBe('delahaye');
    expect(foldName('Da')).toBe('da');
  });

  it('has a compact form, particles kept, so that "lefevre" meets "Le Fèvre"', () => {
    expect(compactFold('Le Fèvre')).toBe('lefevre');
    expect(compactFold("N'DIAYE")).toBe('ndiaye');
  });

  it('is idempotent on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
        expect(foldName(foldName(text))).toBe(foldName(text));
        expect(compactFold(compactFold(text))).toBe(compactFold(text));
      }),
      { numRuns: 2000 },
    );
    for (const tricky of ['ℌ', 'Ⓗ', 'İ', 'ﬁ', 'ẞ', 'Œ', '²', 'ǅ']) {
      expect(foldText(foldText(tricky)), tricky).toBe(foldText(tricky));
    }
  });
});

describe('search', () => {
  const volunteer = aVolunteer({
    firstName: 'Hélène',
    lastName: 'Le Fèvre',
    email: 'Helene.LeFevre@Example.org',
    phone: '+33612345678',
    ref: 'B-7F3K9QX2R',
  });
  const keys = searchKeys(volunteer);

  it('indexes folded tokens, compact names, e-mail, phone digits and the reference', () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        'helene',
        'fevre',
        'lefevre',
        'helenelefevre',
        'lefevrehelene',
        'helene.lefevre@example.org',
        '33612345678',
        '0612345678',
        'b-7f3k9qx2r',
        'b7f3k9qx2r',
      ]),
    );
    expect(keys).not.toContain('le');
    expect(searchKeys(volunteer)).toEqual(keys);
  });

  it('forgives accents, case, hyphens and particles', () => {
    for (const query of [
      'helene',
      'HÉL',
      'lefevre',
      'le fevre',
      'Le Fèvre',
      'fevre hel',
      'helene le-fevre',
      'lefèvre',
    ]) {
      expect(matchesSearch(keys, query), query).toBe(true);
    }
    for (const query of ['helena', 'dupont', 'fevre x']) {
      expect(matchesSearch(keys, query), query).toBe(false);
    }
  });

  it('finds by e-mail, phone in any notation, and reference', () => {
    for (const query of [
      'helene.lefevre@',
      'Helene.LeFevre@example.org',
      '06 12 34',
      '0612',
      '+33 6 12',
      '33612',
      'B-7F3K',
      'b7f3k9',
    ]) {
      expect(matchesSearch(keys, query), query).toBe(true);
    }
    expect(matchesSearch(keys, '07 12')).toBe(false);
  });

  it('matches everyone on an empty query', () => {
    expect(parseSearchQuery('  ')).toEqual({ alternatives: [] });
    expect(matchesSearch(keys, '')).toBe(true);
  });

  it('always finds a volunteer by their own first or last name, however written (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 20 }),
        (first, last) => {
          const person = aVolunteer({ firstName: first, lastName: last, email: null, phone: null });
          const personKeys = searchKeys(person);
          if (foldText(last) !== '') expect(matchesSearch(personKeys, last)).toBe(true);
          if (foldText(first) !== '') expect(matchesSearch(personKeys, first)).toBe(true);
        },
      ),
    );
  });
});
