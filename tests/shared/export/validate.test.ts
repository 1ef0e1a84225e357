import { describe, expect, it } from 'vitest';
import { dataResource, validateCsv, type ExportProfile, type ExportTableName } from '../../../shared/export';
import { exampleBytes } from './example-store';

/**
 * The validator against deliberately broken copies of the reference examples: each copy differs from a valid file by
 * one fault, and the validator must name it with its row and column.
 */

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

function broken(profile: ExportProfile, table: ExportTableName, edit: (text: string) => string): Uint8Array {
  const original = decoder.decode(exampleBytes(profile, `${table}.csv`));
  const edited = edit(original);
  if (edited === original) throw new Error('the edit changed nothing');
  return encoder.encode(edited);
}

function check(profile: ExportProfile, table: ExportTableName, bytes: Uint8Array, expectedRows?: number) {
  return validateCsv(bytes, dataResource(table, profile, 'pseudonymous'), { expectedRows });
}

describe('the validator on broken copies of the examples', () => {
  it('passes the originals, with their row counts', () => {
    expect(check('excel-fr', 'participations', exampleBytes('excel-fr', 'participations.csv'), 2)).toEqual({
      valid: true,
      rows: 2,
      errors: [],
    });
  });

  it('refuses an excel-fr file without its BOM, and an open-data file with one', () => {
    const noBom = exampleBytes('excel-fr', 'missions.csv').subarray(3);
    expect(check('excel-fr', 'missions', noBom).errors).toEqual([expect.objectContaining({ code: 'missing-bom' })]);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...exampleBytes('open-data', 'missions.csv')]);
    expect(check('open-data', 'missions', withBom).errors).toEqual([
      expect.objectContaining({ code: 'unexpected-bom' }),
    ]);
  });

  it('refuses bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([...exampleBytes('open-data', 'creneaux.csv').subarray(0, 20), 0xff, 0x0d, 0x0a]);
    expect(check('open-data', 'creneaux', bytes).errors[0]).toMatchObject({ code: 'invalid-utf8' });
  });

  it('refuses LF line ends and a missing final CRLF', () => {
    const lf = broken('open-data', 'participations', (text) => text.replaceAll('\r\n', '\n'));
    expect(check('open-data', 'participations', lf).errors[0]).toMatchObject({ code: 'bare-line-break' });
    const last = broken('open-data', 'participations', (text) => text.slice(0, -2));
    expect(check('open-data', 'participations', last).errors).toEqual([
      expect.objectContaining({ code: 'missing-final-crlf' }),
    ]);
  });

  it('refuses the other profile delimiter (the header no longer matches)', () => {
    const commas = broken('excel-fr', 'creneaux', (text) => text.replaceAll(';', ','));
    expect(check('excel-fr', 'creneaux', commas).errors[0]).toMatchObject({
      code: 'header',
      row: 0,
      column: 'creneau_id',
    });
  });

  it('names a renamed header column', () => {
    const renamed = broken('open-data', 'missions', (text) => text.replace('code_postal', 'cp'));
    expect(check('open-data', 'missions', renamed).errors[0]).toMatchObject({
      code: 'header',
      row: 0,
      column: 'code_postal',
      columnNumber: 10,
    });
  });

  it('refuses a trailing zero, a point in excel-fr and a comma in open-data', () => {
    const cases: [ExportProfile, string, string][] = [
      ['excel-fr', ';9,5;25/10', ';9,50;25/10'],
      ['excel-fr', ';9,5;25/10', ';9.5;25/10'],
      ['open-data', ',9.5,2026', ',"9,5",2026'],
    ];
    for (const [profile, from, to] of cases) {
      const bytes = broken(profile, 'creneaux', (text) => text.replace(from, to));
      expect(check(profile, 'creneaux', bytes).errors).toEqual([
        expect.objectContaining({ code: 'type', row: 1, column: 'heures_benevoles', columnNumber: 12 }),
      ]);
    }
  });

  it('refuses an ISO date in excel-fr and an impossible date', () => {
    const iso = broken('excel-fr', 'missions', (text) => text.replace(';24/10/2026;', ';2026-10-24;'));
    expect(check('excel-fr', 'missions', iso).errors).toEqual([
      expect.objectContaining({ code: 'format', row: 1, column: 'date_debut' }),
    ]);
    const impossible = broken('open-data', 'missions', (text) => text.replace(',2026-10-24,', ',2026-02-30,'));
    expect(check('open-data', 'missions', impossible).errors).toEqual([
      expect.objectContaining({ code: 'format', row: 1, column: 'date_debut' }),
    ]);
  });

  it('refuses an offset that Paris did not have at that instant', () => {
    // 06:00 on 25 October 2026 is winter time (+01:00); +02:00 names another instant that Paris showed as 05:00.
    const bytes = broken('open-data', 'creneaux', (text) =>
      text.replace('2026-10-25T06:00:00+01:00', '2026-10-25T06:00:00+02:00'),
    );
    expect(check('open-data', 'creneaux', bytes).errors).toEqual([
      expect.objectContaining({ code: 'format', row: 1, column: 'fin' }),
    ]);
  });

  it('refuses an excel-fr time in the spring-forward gap', () => {
    const bytes = broken('excel-fr', 'creneaux', (text) => text.replace('24/10/2026 22:00', '29/03/2026 02:30'));
    expect(check('excel-fr', 'creneaux', bytes).errors).toEqual([
      expect.objectContaining({ code: 'format', row: 1, column: 'debut' }),
    ]);
  });

  it('refuses a value outside an enum, a pattern, and a boolean of the other profile', () => {
    const status = broken('excel-fr', 'missions', (text) => text.replace(';realisee;', ';réalisée;'));
    expect(check('excel-fr', 'missions', status).errors).toEqual([
      expect.objectContaining({ code: 'enum', row: 1, column: 'statut', columnNumber: 18 }),
    ]);
    const postcode = broken('open-data', 'missions', (text) => text.replace(',75116,75116,', ',7511,75116,'));
    expect(check('open-data', 'missions', postcode).errors).toEqual([
      expect.objectContaining({ code: 'pattern', row: 1, column: 'code_postal' }),
    ]);
    const ref = broken('open-data', 'participations', (text) => text.replace('B-2M8D1XQ7J', 'B-2M8D1XQ7I'));
    expect(check('open-data', 'participations', ref).errors).toEqual([
      expect.objectContaining({ code: 'pattern', row: 2, column: 'benevole_ref' }),
    ]);
    const bool = broken('open-data', 'participations', (text) => text.replace(',true,', ',oui,'));
    expect(check('open-data', 'participations', bool).errors).toEqual([
      expect.objectContaining({ code: 'type', row: 1, column: 'premiere_participation' }),
    ]);
  });

  it('refuses an empty required cell', () => {
    const bytes = broken('excel-fr', 'participations', (text) => text.replace('P-2;', ';'));
    expect(check('excel-fr', 'participations', bytes).errors).toEqual([
      expect.objectContaining({ code: 'required', row: 2, column: 'participation_id', columnNumber: 1 }),
    ]);
  });

  it('refuses an unprotected formula in a text cell', () => {
    const bytes = broken('excel-fr', 'missions', (text) => text.replace(";'=Ramassage", ';=Ramassage'));
    expect(check('excel-fr', 'missions', bytes).errors).toEqual([
      expect.objectContaining({ code: 'formula', row: 1, column: 'titre' }),
    ]);
  });

  it('refuses a missing cell, a stray quote and a bare LF inside a quoted cell', () => {
    const short = broken('open-data', 'agregats_mensuels', (text) => text.replace('1,1,,', '1,1,'));
    expect(check('open-data', 'agregats_mensuels', short).errors).toEqual([
      expect.objectContaining({ code: 'cell-count', row: 1 }),
    ]);
    const stray = broken('open-data', 'missions', (text) => text.replace('Square de', 'Square "de'));
    expect(check('open-data', 'missions', stray).errors[0]).toMatchObject({ code: 'stray-quote' });
    const lf = broken('open-data', 'missions', (text) =>
      text.replace('Square de', '"Square\nde').replace('Mexico', 'Mexico"'),
    );
    expect(check('open-data', 'missions', lf).errors).toEqual([
      expect.objectContaining({ code: 'bare-line-break-in-cell', row: 1, column: 'lieu_nom' }),
    ]);
  });

  it('reports a row count that differs from the one expected', () => {
    expect(check('open-data', 'participations', exampleBytes('open-data', 'participations.csv'), 3).errors).toEqual([
      expect.objectContaining({ code: 'row-count', message: 'expected 3 data rows, found 2' }),
    ]);
  });
});
