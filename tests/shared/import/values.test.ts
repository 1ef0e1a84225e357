import { describe, expect, it } from 'vitest';
import { parseTimestampDate, parseTypedDate } from '../../../shared/import/dates';
import {
  birthDateValue,
  capitaliseWords,
  nameValue,
  postcodeValue,
  skillsValue,
  yesNoValue,
} from '../../../shared/import/values';
import { TODAY } from './helpers';

describe('dates of birth', () => {
  it.each([
    ['05/07/1950', '1950-07-05'],
    ['5/7/1950', '1950-07-05'],
    ['1950-07-05', '1950-07-05'],
    ['05-07-50', '1950-07-05'],
    ['03-07-09', '2009-07-03'],
    ['28-11-26', '2026-11-28'],
    ['29-11-26', '1926-11-29'],
    ['30/11/26', '1926-11-30'],
    ['05.07.1950', '1950-07-05'],
    [' 29/02/2000 ', '2000-02-29'],
  ])('%s → %s', (text, date) => {
    expect(parseTypedDate(text, TODAY)).toEqual({ ok: true, date });
  });

  it('reports impossible dates apart from unreadable ones', () => {
    expect(parseTypedDate('31/02/1990', TODAY)).toEqual({ ok: false, error: 'impossible_date' });
    expect(parseTypedDate('29/02/1999', TODAY)).toEqual({ ok: false, error: 'impossible_date' });
    expect(parseTypedDate('1990-04-31', TODAY)).toEqual({ ok: false, error: 'impossible_date' });
    for (const text of ['13/13/1990', '32/01/1990', 'hier', '1990', '05/07/195', '1950/7/5/1']) {
      expect(parseTypedDate(text, TODAY)).toEqual({ ok: false, error: 'invalid_date' });
    }
  });

  it('refuses a date of birth in the future, and keeps empty as unknown', () => {
    expect(birthDateValue('29/11/2026', TODAY)).toEqual({ ok: false, error: 'future_birth_date' });
    expect(birthDateValue('28/11/2026', TODAY)).toEqual({ ok: true, value: '2026-11-28' });
    expect(birthDateValue('  ', TODAY)).toEqual({ ok: true, value: null });
  });

  it('reads form timestamps as the date written, an instant as its Paris date', () => {
    expect(parseTimestampDate('2026/10/01 18:00:12 UTC+2', TODAY)).toEqual({ ok: true, date: '2026-10-01' });
    expect(parseTimestampDate('01/10/2026 18:00:12', TODAY)).toEqual({ ok: true, date: '2026-10-01' });
    expect(parseTimestampDate('2026-10-01T22:30:00Z', TODAY)).toEqual({ ok: true, date: '2026-10-02' });
    expect(parseTimestampDate('bientôt', TODAY)).toMatchObject({ ok: false });
  });
});

describe('names', () => {
  it('are trimmed and kept as typed', () => {
    expect(nameValue('  BŒUF ', false)).toEqual({ ok: true, value: 'BŒUF' });
    expect(nameValue("N'DIAYE", false)).toEqual({ ok: true, value: "N'DIAYE" });
    // Decomposed input is stored composed, so that it compares and displays as one letter.
    expect(nameValue('Nguye\u0302\u0303n', false)).toEqual({ ok: true, value: 'Nguyễn' });
  });

  it('are capitalised only when asked and only when all in capitals', () => {
    expect(nameValue('BŒUF', true)).toEqual({ ok: true, value: 'Bœuf' });
    expect(nameValue('McDonald', true)).toEqual({ ok: true, value: 'McDonald' });
    expect(capitaliseWords("N'DIAYE")).toBe("N'Diaye");
    expect(capitaliseWords('SAINT-EXUPÉRY')).toBe('Saint-Exupéry');
    expect(capitaliseWords('LE FÈVRE')).toBe('Le Fèvre');
  });

  it('starting like a formula are stored as typed and flagged', () => {
    for (const name of ['=SUM(A1)', '+33', '-x', '@cmd']) {
      expect(nameValue(name, false)).toEqual({ ok: true, value: name, warning: 'formula_like_name' });
    }
    expect(nameValue('x'.repeat(201), false)).toEqual({ ok: false, error: 'too_long' });
  });
});

describe('other values', () => {
  it('postcodes stay text, the arrondissement from the table', () => {
    expect(postcodeValue('75116')).toEqual({ ok: true, value: { postcode: '75116', arrondissementInsee: '75116' } });
    expect(postcodeValue('75 016')).toEqual({ ok: true, value: { postcode: '75016', arrondissementInsee: '75116' } });
    expect(postcodeValue('01000')).toEqual({ ok: true, value: { postcode: '01000', arrondissementInsee: null } });
    expect(postcodeValue('7501')).toEqual({ ok: false, error: 'invalid_postcode' });
  });

  it('skills are split on , ; and /', () => {
    expect(skillsValue(' PSC1, Jardinage / Vélo;Cuisine ;; PSC1')).toEqual({
      ok: true,
      value: ['PSC1', 'Jardinage', 'Vélo', 'Cuisine'],
    });
    expect(skillsValue('')).toEqual({ ok: true, value: [] });
  });

  it('yes/no answers in French and English', () => {
    for (const yes of ['Oui', 'oui ', 'YES', 'y', 'x', "J'accepte"])
      expect(yesNoValue(yes)).toEqual({ ok: true, value: true });
    for (const no of ['Non', 'no', 'N', 'faux']) expect(yesNoValue(no)).toEqual({ ok: true, value: false });
    expect(yesNoValue('')).toEqual({ ok: true, value: null });
    expect(yesNoValue('peut-être')).toEqual({ ok: false, error: 'invalid_consent' });
  });
});
