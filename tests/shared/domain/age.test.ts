import { describe, expect, it } from 'vitest';
import {
  ageAt,
  ageBandAt,
  ageBandOfAge,
  ageRangeAt,
  AGE_BAND_EXPORT_CODES,
  isMinorAt,
} from '../../../shared/domain/age';
import { parentalAuthorisationState } from '../../../shared/domain/parental-authorisation';
import { aMission, aVolunteer } from './factories';

describe('age at a date', () => {
  it('counts full years, a birthday counting on its day', () => {
    expect(ageAt('2011-11-28', '2026-11-27')).toBe(14);
    expect(ageAt('2011-11-28', '2026-11-28')).toBe(15);
    expect(ageAt('1990-01-01', '2026-12-31')).toBe(36);
  });

  it('ages a 29 February birthday on 1 March in common years, on 29 February in leap years', () => {
    expect(ageAt('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageAt('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageAt('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageAt('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('refuses impossible dates', () => {
    expect(() => ageAt('2008-02-30', '2026-01-01')).toThrow(RangeError);
  });
});

describe('age bands', () => {
  it('cut at 15, 18, 26 and 65', () => {
    expect([0, 14, 15, 17, 18, 25, 26, 64, 65, 100].map(ageBandOfAge)).toEqual([
      'under_15',
      'under_15',
      '15_17',
      '15_17',
      '18_25',
      '18_25',
      '26_64',
      '26_64',
      '65_plus',
      '65_plus',
    ]);
    expect(AGE_BAND_EXPORT_CODES.under_15).toBe('moins_15');
  });

  it('come from the date of birth at the date, else the band as given, else nothing', () => {
    expect(ageBandAt({ birthDate: '2009-06-01', ageBand: null }, '2026-05-31')).toBe('15_17');
    expect(ageBandAt({ birthDate: '2009-06-01', ageBand: null }, '2027-06-01')).toBe('18_25');
    // The band is never aged forward for the export: given at 17, still 15_17 five years later.
    const band = { birthDate: null, ageBand: { band: '15_17' as const, givenOn: '2021-09-01' } };
    expect(ageBandAt(band, '2026-09-01')).toBe('15_17');
    expect(ageBandAt({ birthDate: null, ageBand: null }, '2026-09-01')).toBeNull();
  });

  it('give a range of possible ages when only a band is known', () => {
    const band = { birthDate: null, ageBand: { band: '15_17' as const, givenOn: '2026-09-01' } };
    expect(ageRangeAt(band, '2026-09-01')).toEqual({ min: 15, max: 17 });
    expect(ageRangeAt(band, '2026-12-01')).toEqual({ min: 15, max: 18 });
    expect(ageRangeAt(band, '2027-09-01')).toEqual({ min: 16, max: 18 });
    expect(ageRangeAt({ birthDate: null, ageBand: null }, '2026-09-01')).toBeNull();
  });
});

describe('minors', () => {
  it('are known from a date of birth or a band that cannot have reached 18', () => {
    expect(isMinorAt({ birthDate: '2012-03-10', ageBand: null }, '2026-11-28')).toBe(true);
    expect(isMinorAt({ birthDate: '2008-11-28', ageBand: null }, '2026-11-28')).toBe(false);
    expect(isMinorAt({ birthDate: null, ageBand: { band: '15_17', givenOn: '2026-11-01' } }, '2026-11-28')).toBe(false);
    expect(isMinorAt({ birthDate: null, ageBand: { band: '15_17', givenOn: '2026-11-28' } }, '2026-11-28')).toBe(true);
    expect(isMinorAt({ birthDate: null, ageBand: { band: 'under_15', givenOn: '2026-01-01' } }, '2026-11-28')).toBe(
      true,
    );
  });

  it('with an unknown age are not known to be minors', () => {
    expect(isMinorAt({ birthDate: null, ageBand: null }, '2026-11-28')).toBe(false);
  });
});

describe('parental authorisation for the export', () => {
  const minor = aVolunteer({ birthDate: '2011-01-01' });
  const requires = aMission({ minorsNeedAuthorisation: true });
  it('is received or missing for a minor on a mission that requires it', () => {
    expect(parentalAuthorisationState({ ...minor, parentalAuthorisation: 'received' }, requires, '2026-10-24')).toBe(
      'received',
    );
    expect(parentalAuthorisationState({ ...minor, parentalAuthorisation: 'missing' }, requires, '2026-10-24')).toBe(
      'missing',
    );
    expect(parentalAuthorisationState({ ...minor, parentalAuthorisation: null }, requires, '2026-10-24')).toBe(
      'missing',
    );
  });

  it('is not required for adults, unknown ages, or missions that require none', () => {
    expect(parentalAuthorisationState(aVolunteer(), requires, '2026-10-24')).toBe('not_required');
    expect(parentalAuthorisationState(aVolunteer({ birthDate: null }), requires, '2026-10-24')).toBe('not_required');
    expect(parentalAuthorisationState(minor, aMission(), '2026-10-24')).toBe('not_required');
  });
});
