import { createHash, webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parisInstantsOfWallTime } from '../../../shared/domain/paris-time';
import {
  associationSlug,
  cityExportFileName,
  columnsOf,
  createSha256,
  TABLE_NAMES,
  unprotectText,
  type CellValue,
  type Column,
  type ExportProfile,
} from '../../../shared/export';
import { seededStore } from '../snapshot/helpers';
import { EXAMPLE_SETTINGS, event, mission, shift, signUp, storeOf, volunteer } from './example-store';
import { prepare, rowsOf } from './helpers';

/**
 * Round trip as city-export.md defines it: parsing an export gives back the values exported, after these
 * normalisations: the protective `'` removed, line breaks as CRLF, times floored (to the minute in excel-fr, to the
 * second in open-data). In excel-fr a time in the repeated autumn hour is one of its two instants.
 */

const MINUTE = 60_000;

function decode(column: Column, cell: string, profile: ExportProfile): unknown {
  if (cell === '') return null;
  const excel = profile === 'excel-fr';
  switch (column.type) {
    case 'text':
      return unprotectText(cell);
    case 'id':
    case 'code':
    case 'enum':
      return cell;
    case 'int':
      return Number(cell);
    case 'dec': {
      const [whole = '0', fraction = ''] = cell.split(excel ? ',' : '.');
      return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    }
    case 'date':
      return excel ? cell.split('/').reverse().join('-') : cell;
    case 'datetime': {
      if (!excel) return [Date.parse(cell)];
      const [date = '', time = ''] = cell.split(' ');
      const [day, month, year] = date.split('/').map(Number) as [number, number, number];
      const [hour, minute] = time.split(':').map(Number) as [number, number];
      return parisInstantsOfWallTime({ year, month, day, hour, minute, second: 0 });
    }
    case 'bool':
      return cell === (excel ? 'oui' : 'true');
  }
}

function expected(column: Column, value: CellValue, profile: ExportProfile): unknown {
  if (value === null) return null;
  if (column.type === 'text') return unprotectText((value as string).replace(/\r\n|\r|\n/g, '\r\n'));
  if (column.type === 'datetime') {
    const ms = typeof value === 'number' ? value : Date.parse(value as string);
    return Math.floor(ms / (profile === 'excel-fr' ? MINUTE : 1000)) * (profile === 'excel-fr' ? MINUTE : 1000);
  }
  return value;
}

async function trickyStore() {
  const store = await seededStore(120, 'round-trip');
  const extra = await storeOf({
    missions: [
      mission({
        id: 'M-tricky',
        title: '=1+1\nsur deux lignes; "citées", virgule',
        placeName: '@lieu\rCR seul',
        partner: '-3 Mairie du 19e',
        address: '\ttabulation',
      }),
    ],
    shifts: [
      // 02:30 Paris happens twice on 25 October 2026: starting in the first, ending in the second.
      shift({ id: 'C-fold', missionId: 'M-tricky', start: '2026-10-25T00:30:59Z', end: '2026-10-25T01:45:30Z' }),
    ],
    volunteers: [volunteer({ id: 'V-fold', ref: 'B-7F3K9QX2R' })],
    signUps: [
      signUp({ id: 'P-fold', volunteerId: 'V-fold', shiftId: 'C-fold', attendance: 'present' }, '2026-10-25T01:00:00Z'),
    ],
    checkinEvents: [
      event({
        id: 'E-fold',
        signUpId: 'P-fold',
        volunteerId: 'V-fold',
        kind: 'check_in',
        at: '2026-10-25T00:31:17.9Z',
        shiftId: 'C-fold',
      }),
      event({
        id: 'E-fold2',
        signUpId: 'P-fold',
        volunteerId: 'V-fold',
        kind: 'check_out',
        at: '2026-10-25T01:40:01Z',
        shiftId: 'C-fold',
      }),
    ],
  });
  for (const table of ['missions', 'shifts', 'volunteers', 'signUps', 'checkinEvents'] as const) {
    await store.writeBatch(table, extra.all(table));
  }
  return store;
}

describe.each<ExportProfile>(['excel-fr', 'open-data'])('round trip (%s)', (profile) => {
  it('gives back every exported value after the contract normalisations', { timeout: 30_000 }, async () => {
    const prepared = await prepare(await trickyStore(), { profile, from: '2026-09-01', to: '2026-11-30' });
    expect(prepared.rowCounts.participations).toBeGreaterThan(50);
    for (const table of TABLE_NAMES) {
      const columns = columnsOf(table);
      const parsed = rowsOf(prepared, table);
      expect(parsed).toHaveLength(prepared.tables[table].length);
      parsed.forEach((row, index) => {
        const values = prepared.tables[table][index] as CellValue[];
        columns.forEach((column, position) => {
          const back = decode(column, row[column.name] as string, profile);
          const want = expected(column, values[position] as CellValue, profile);
          if (column.type === 'datetime' && want !== null) expect(back).toContain(want);
          else expect(back).toEqual(want);
        });
      });
    }
    const tricky = rowsOf(prepared, 'missions').find((row) => row.mission_id === 'M-tricky');
    expect(tricky).toMatchObject({ titre: `'=1+1\r\nsur deux lignes; "citées", virgule`, adresse: "'\ttabulation" });
  });
});

describe('SHA-256 (streaming)', () => {
  it('matches WebCrypto on random inputs cut at random places', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat(600), { maxLength: 6 }),
        async (bytes, cuts) => {
          const hash = createSha256();
          let start = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            const end = Math.min(cut, bytes.length);
            if (end > start) hash.update(bytes.subarray(start, end));
            start = Math.max(start, end);
          }
          hash.update(bytes.subarray(start));
          const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
          expect(hash.hex()).toBe(digest);
        },
      ),
    );
  });

  it('hashes the empty input and a megabyte like node:crypto', () => {
    expect(createSha256().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const big = new Uint8Array(1_000_003).map((_v, i) => (i * 31) & 0xff);
    const hash = createSha256();
    for (let offset = 0; offset < big.length; offset += 65_537) hash.update(big.subarray(offset, offset + 65_537));
    expect(hash.hex()).toBe(createHash('sha256').update(big).digest('hex'));
  });
});

describe('the file name', () => {
  it('slugs the association name as the contract says', () => {
    expect(associationSlug('Les Amis du Bassin')).toBe('les-amis-du-bassin');
    expect(associationSlug('  Œuvre & Cæcilia — Énergie !  ')).toBe('oeuvre-caecilia-energie');
    expect(associationSlug("L'Écho des Rues (19e)")).toBe('l-echo-des-rues-19e');
    expect(cityExportFileName(EXAMPLE_SETTINGS.associationName, '2026-10-01', '2026-10-31')).toBe(
      'volontaires-climat_les-amis-du-bassin_2026-10-01_2026-10-31.zip',
    );
  });

  it('always gives a slug of a-z, 0-9 and single inner hyphens', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(associationSlug(name)).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
      }),
    );
  });
});

describe('hours add up', () => {
  it('a shift sums its participations, a cell its shifts, whatever the times (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 * 3600 }), fc.integer({ min: 60, max: 9 * 3600 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (times) => {
          const start = Date.parse('2026-10-10T08:00:00Z');
          const store = await storeOf({
            missions: [mission({ id: 'M-h' })],
            shifts: [
              shift({ id: 'C-h1', missionId: 'M-h', start: '2026-10-10T08:00:00Z', end: '2026-10-10T18:00:00Z' }),
              shift({ id: 'C-h2', missionId: 'M-h', start: '2026-10-11T08:00:00Z', end: '2026-10-11T10:00:00Z' }),
            ],
            volunteers: times.map((_t, index) => volunteer({ id: `V-${index}`, ref: 'B-7F3K9QX2R' })),
            signUps: times.map((_t, index) =>
              signUp(
                {
                  id: `P-${index}`,
                  volunteerId: `V-${index}`,
                  shiftId: index % 2 ? 'C-h2' : 'C-h1',
                  attendance: 'present',
                },
                '2026-10-01T00:00:00Z',
              ),
            ),
            checkinEvents: times.flatMap(([offset, length], index) => [
              event({
                id: `E-${index}a`,
                signUpId: `P-${index}`,
                volunteerId: `V-${index}`,
                kind: 'check_in',
                at: new Date(start + offset * 1000 + 123).toISOString(),
                shiftId: index % 2 ? 'C-h2' : 'C-h1',
              }),
              event({
                id: `E-${index}b`,
                signUpId: `P-${index}`,
                volunteerId: `V-${index}`,
                kind: 'check_out',
                at: new Date(start + (offset + length) * 1000 + 999).toISOString(),
                shiftId: index % 2 ? 'C-h2' : 'C-h1',
              }),
            ]),
          });
          const prepared = await prepare(store, { profile: 'open-data' });
          const hundredths = (cell: string | undefined) => Math.round(Number(cell) * 100);
          const participations = rowsOf(prepared, 'participations');
          participations.forEach((row) => {
            const [, length] = times[Number(row.participation_id?.slice(2))] as [number, number];
            // Each duration is rounded once, half away from zero, from whole seconds.
            expect(hundredths(row.duree_effective_h)).toBe(Math.floor((length * 100) / 3600 + 0.5));
          });
          const creneaux = rowsOf(prepared, 'creneaux');
          for (const creneau of creneaux) {
            const sum = participations
              .filter((row) => row.creneau_id === creneau.creneau_id)
              .reduce((total, row) => total + hundredths(row.duree_effective_h), 0);
            expect(hundredths(creneau.heures_benevoles)).toBe(sum);
          }
          const total = creneaux.reduce((sum, row) => sum + hundredths(row.heures_benevoles), 0);
          expect(hundredths(rowsOf(prepared, 'agregats_mensuels')[0]?.heures_benevoles)).toBe(total);
        },
      ),
      { numRuns: 40 },
    );
  });
});
