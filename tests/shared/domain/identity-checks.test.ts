import { describe, expect, it } from 'vitest';
import { checkRna, checkSiret, passesLuhn } from '../../../shared/domain/association-identity';
import { createDuplicateIndex, findDuplicateCandidates, samePersonRules } from '../../../shared/domain/duplicates';
import { checkEmail, emailComparisonKey } from '../../../shared/domain/email';
import { aVolunteer } from './factories';

describe('e-mail check', () => {
  it('accepts ordinary addresses, trimmed', () => {
    expect(checkEmail('  marie.dupont+climat@example.org ')).toEqual({
      ok: true,
      email: 'marie.dupont+climat@example.org',
      warning: null,
    });
    expect(checkEmail("o'neil@mairie-paris.fr").ok).toBe(true);
  });

  it('refuses what is not an address', () => {
    expect(checkEmail('')).toEqual({ ok: false, error: 'empty_email' });
    for (const bad of [
      'marie',
      'marie@',
      '@example.org',
      'a@b',
      'a@b.c',
      'a..b@example.org',
      'a b@example.org',
      'a@exa mple.org',
      'a@@example.org',
      'françois@',
      'x'.repeat(320) + '@example.org',
    ]) {
      expect(checkEmail(bad), bad).toEqual({ ok: false, error: 'invalid_email' });
    }
  });

  it('accepts a valid address with non-ASCII characters with a warning, not an error', () => {
    expect(checkEmail('françois.dupont@example.fr')).toEqual({
      ok: true,
      email: 'françois.dupont@example.fr',
      warning: 'non_ascii_email',
    });
    expect(checkEmail('chloé@exemple.例え')).toMatchObject({ ok: true, warning: 'non_ascii_email' });
    expect(checkEmail('françois@exemple')).toEqual({ ok: false, error: 'invalid_email' });
  });

  it('compares addresses case-insensitively', () => {
    expect(emailComparisonKey(' Marie.Dupont@Example.ORG')).toBe('marie.dupont@example.org');
  });
});

describe('the same-person rule', () => {
  const marie = aVolunteer({
    id: 'v-1',
    firstName: 'Marie',
    lastName: 'Le Fèvre',
    email: 'marie@example.org',
    phone: '+33612345678',
    birthDate: '1990-05-01',
  });

  it('matches on the same e-mail, case ignored', () => {
    expect(
      samePersonRules(marie, { ...marie, id: 'v-2', email: ' MARIE@example.org', phone: null, birthDate: null }),
    ).toEqual(['same_email']);
  });

  it('matches on the same phone, whatever its notation', () => {
    expect(
      samePersonRules(marie, { firstName: 'M', lastName: 'X', email: null, phone: '06 12 34 56 78', birthDate: null }),
    ).toEqual(['same_phone']);
  });

  it('matches on the same folded name AND the same date of birth, not on one alone', () => {
    const twin = { firstName: 'MARIE', lastName: 'Lefèvre', email: null, phone: null, birthDate: '1990-05-01' };
    expect(samePersonRules(marie, twin)).toEqual(['same_name_and_birth_date']);
    expect(samePersonRules(marie, { ...twin, birthDate: '1990-05-02' })).toEqual([]);
    expect(samePersonRules(marie, { ...twin, firstName: 'Maria' })).toEqual([]);
    expect(samePersonRules(marie, { ...twin, birthDate: null })).toEqual([]);
  });

  it('reports every rule that matched', () => {
    expect(samePersonRules(marie, { ...marie, id: 'v-2' })).toEqual([
      'same_email',
      'same_phone',
      'same_name_and_birth_date',
    ]);
  });

  it('never matches on missing fields', () => {
    const blank = { firstName: '', lastName: '', email: null, phone: null, birthDate: null };
    expect(samePersonRules(blank, blank)).toEqual([]);
  });

  it('finds candidates among others, skipping itself and deleted records; the index agrees with the scan', () => {
    const others = [
      marie,
      aVolunteer({
        id: 'v-2',
        firstName: 'Paul',
        lastName: 'Martin',
        email: 'Marie@Example.org',
        phone: null,
        birthDate: null,
      }),
      aVolunteer({
        id: 'v-3',
        firstName: 'Marie',
        lastName: 'Le-Fevre',
        email: null,
        phone: '+33 6 12 34 56 78',
        birthDate: '1990-05-01',
      }),
      aVolunteer({
        id: 'v-4',
        firstName: 'Marie',
        lastName: 'Le Fèvre',
        email: 'marie@example.org',
        phone: null,
        birthDate: null,
        deleted: true,
      }),
      aVolunteer({
        id: 'v-5',
        firstName: 'Zoé',
        lastName: 'Petit',
        email: 'zoe@example.org',
        phone: '+33700000000',
        birthDate: null,
      }),
    ];
    const expected = [
      { id: 'v-2', rules: ['same_email'] },
      { id: 'v-3', rules: ['same_phone', 'same_name_and_birth_date'] },
    ];
    const simplify = (list: { person: { id: string }; rules: readonly string[] }[]) =>
      list.map(({ person, rules }) => ({ id: person.id, rules })).sort((a, b) => a.id.localeCompare(b.id));
    expect(simplify(findDuplicateCandidates(marie, others))).toEqual(expected);
    expect(simplify(createDuplicateIndex(others).find(marie))).toEqual(expected);
  });
});

describe('association identifiers', () => {
  it('check a SIRET by Luhn', () => {
    expect(checkSiret('12345678901237')).toEqual({ ok: true, value: '12345678901237' });
    expect(checkSiret('732 829 320 00074')).toEqual({ ok: true, value: '73282932000074' });
    expect(checkSiret('12345678901238')).toEqual({ ok: false, error: 'siret_checksum' });
    expect(checkSiret('1234567890123')).toEqual({ ok: false, error: 'siret_format' });
    expect(checkSiret('1234567890123A')).toEqual({ ok: false, error: 'siret_format' });
  });

  it('check La Poste’s SIRETs (SIREN 356000000) by the sum of their digits', () => {
    // 35600000049837: digit sum 45, a multiple of 5, but fails Luhn.
    expect(passesLuhn('35600000049837')).toBe(false);
    expect(checkSiret('35600000049837')).toEqual({ ok: true, value: '35600000049837' });
    expect(checkSiret('35600000049838')).toEqual({ ok: false, error: 'siret_checksum' });
  });

  it('rejects a SIRET with one digit changed (Luhn catches every single-digit error)', () => {
    const valid = '73282932000074';
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(checkSiret(typo).ok, typo).toBe(false);
      }
    }
  });

  it('check an RNA number: W and 9 digits', () => {
    expect(checkRna(' w751234567 ')).toEqual({ ok: true, value: 'W751234567' });
    expect(checkRna('W75123456')).toEqual({ ok: false, error: 'rna_format' });
    expect(checkRna('751234567')).toEqual({ ok: false, error: 'rna_format' });
  });
});
