import { describe, expect, it } from 'vitest';
import {
  columnsOf,
  dataResource,
  exportSingleTable,
  TABLE_NAMES,
  validateCsv,
  type ExportProfile,
} from '../../../shared/export';
import { collectBytes } from '../../../shared/snapshot';
import { seededStore } from '../snapshot/helpers';
import {
  consent,
  EXAMPLE_SETTINGS,
  erasure,
  exampleRecords,
  exampleStore,
  mission,
  shift,
  signUp,
  storeOf,
  volunteer,
} from './example-store';
import { csvBytes, prepare, rowsOf, text, zipOf } from './helpers';

/** city-export.md, "Privacy": pseudonymous by default, named only with consent, erased people, no private address. */

describe('named mode', () => {
  it('requires a reason', async () => {
    await expect(prepare(await exampleStore(), { mode: 'named', reason: '  ' })).rejects.toThrow(/motif/);
  });

  it('fills the four identity columns only for volunteers whose current city consent is given', async () => {
    const store = await exampleStore({
      consents: [
        // V-1: refused, then gave consent later: the latest clock wins.
        consent({ id: 'K-1', volunteerId: 'V-1', given: false }, '2026-09-01T08:00:00Z'),
        consent({ id: 'K-2', volunteerId: 'V-1', given: true }, '2026-10-01T08:00:00Z'),
        // V-2: gave, then withdrew.
        consent({ id: 'K-3', volunteerId: 'V-2', given: true }, '2026-09-01T08:00:00Z'),
        consent({ id: 'K-4', volunteerId: 'V-2', given: false }, '2026-10-02T08:00:00Z'),
        // Another purpose never counts.
        consent({ id: 'K-5', volunteerId: 'V-2', given: true, purpose: 'newsletter' }, '2026-10-03T08:00:00Z'),
      ],
    });
    const prepared = await prepare(store, { mode: 'named', reason: 'Assurance de la mairie', profile: 'open-data' });
    const rows = rowsOf(prepared, 'participations');
    expect(Object.keys(rows[0] ?? {}).slice(-4)).toEqual(['nom', 'prenom', 'email', 'telephone']);
    expect(rows.map((row) => [row.participation_id, row.nom, row.prenom, row.email, row.telephone])).toEqual([
      ['P-1', 'Le Fèvre', 'Hélène', 'helene.lefevre@example.org', '06 12 34 56 78'],
      ['P-2', '', '', '', ''],
    ]);
    expect(prepared.namedVolunteerIds).toEqual(['V-1']);
    expect(prepared.volunteerIds).toEqual(['V-1', 'V-2']);
    const { entries } = await zipOf(prepared);
    const manifest = JSON.parse(text(entries['manifest.json']));
    expect(manifest).toMatchObject({ mode: 'nominatif', motif: 'Assurance de la mairie' });
    const resource = dataResource('participations', 'open-data', 'named');
    expect(resource.schema.fields.map((field) => field.name)).toEqual(
      columnsOf('participations', 'named').map((c) => c.name),
    );
    expect(validateCsv(entries['participations.csv'] as Uint8Array, resource).errors).toEqual([]);
    expect(JSON.parse(text(entries['datapackage.json'])).resources[2].schema.fields).toHaveLength(20);
  });

  it('writes a foreign phone in E.164', async () => {
    const store = await exampleStore({ consents: [consent({ id: 'K-1', volunteerId: 'V-2', given: true })] });
    const rows = rowsOf(await prepare(store, { mode: 'named', reason: 'Assurance' }), 'participations');
    expect(rows[1]).toMatchObject({ nom: 'Benali', telephone: '+447700900123' });
  });
});

describe('pseudonymous mode', () => {
  it('carries no name, e-mail, phone nor private address anywhere in the zip', async () => {
    const base = exampleRecords();
    const store = await storeOf({
      ...base,
      missions: [
        ...base.missions,
        mission({
          id: 'M-visits',
          category: 'ENERGIE_LOGEMENT',
          atPrivateHomes: true,
          address: '14 rue des Lilas, appartement 3',
          placeName: 'Visites à domicile',
          referentName: 'Camille Martin',
        }),
      ],
      shifts: [
        ...base.shifts,
        shift({ id: 'C-visits', missionId: 'M-visits', start: '2026-10-14T14:00:00Z', end: '2026-10-14T16:00:00Z' }),
      ],
      signUps: [
        ...base.signUps,
        signUp({ id: 'P-visit', volunteerId: 'V-2', shiftId: 'C-visits' }, '2026-10-01T00:00:00Z'),
      ],
      consents: [consent({ id: 'K-1', volunteerId: 'V-1', given: true })],
    });
    for (const profile of ['excel-fr', 'open-data'] as ExportProfile[]) {
      const prepared = await prepare(store, { profile });
      expect(rowsOf(prepared, 'missions').find((row) => row.mission_id === 'M-visits')).toMatchObject({
        lieu_nom: 'Visites à domicile',
        adresse: '',
      });
      const { bytes, entries } = await zipOf(prepared);
      const everything = Object.values(entries)
        .map((entry) => text(entry))
        .join('\n');
      const secrets = [
        'Hélène',
        'Le Fèvre',
        'Karim',
        'Benali',
        'helene.lefevre@example.org',
        'karim@example.org',
        '+33612345678',
        '06 12 34 56 78',
        '612345678',
        '+447700900123',
        '7700900123',
        '14 rue des Lilas',
        'Camille Martin',
        '1990-05-01',
        '01/05/1990',
      ];
      for (const secret of secrets) expect(everything).not.toContain(secret);
      for (const table of TABLE_NAMES) expect(Object.keys(rowsOf(prepared, table)[0] ?? {})).not.toContain('email');
      expect(bytes.length).toBeGreaterThan(0);
    }
  });
});

describe('erased volunteers', () => {
  it('keep their participations under the replacement ref, with no age band, counted in every figure', async () => {
    const store = await exampleStore({ erasures: [erasure('V-1', 'B-000000000')] });
    const prepared = await prepare(store, { profile: 'open-data', mode: 'named', reason: 'Assurance' });
    const rows = rowsOf(prepared, 'participations');
    expect(rows[0]).toMatchObject({
      participation_id: 'P-1',
      benevole_ref: 'B-000000000',
      tranche_age: '',
      autorisation_parentale: 'non_requise',
      statut_presence: 'present',
      duree_effective_h: '9.5',
      premiere_participation: 'true',
      nom: '',
      email: '',
    });
    expect(rowsOf(prepared, 'creneaux')[0]).toMatchObject({ nb_presents: '1', heures_benevoles: '9.5' });
    const everything = TABLE_NAMES.map((table) => new TextDecoder().decode(csvBytes(prepared, table))).join('');
    expect(everything).not.toContain('B-7F3K9QX2R');
    expect(prepared.volunteerIds).toEqual(['V-2']);
  });
});

describe('minors', () => {
  it('exports the age band at the shift date and the parental authorisation for a minor', async () => {
    const base = exampleRecords();
    const store = await storeOf({
      ...base,
      volunteers: [
        ...base.volunteers,
        volunteer({ id: 'V-3', ref: 'B-11111111M', birthDate: '2010-10-25', parentalAuthorisation: null }),
        volunteer({ id: 'V-4', ref: 'B-222222228', birthDate: '2012-01-01', parentalAuthorisation: 'received' }),
      ],
      signUps: [
        ...base.signUps,
        signUp({ id: 'P-3', volunteerId: 'V-3' }, '2026-10-01T00:00:00Z'),
        signUp({ id: 'P-4', volunteerId: 'V-4' }, '2026-10-01T00:00:00Z'),
      ],
    });
    const rows = rowsOf(await prepare(store), 'participations');
    expect(rows.map((row) => [row.participation_id, row.tranche_age, row.autorisation_parentale])).toEqual([
      ['P-1', '26_64', 'non_requise'],
      ['P-2', '26_64', 'non_requise'],
      // 15 years old the day before their 16th birthday (the shift starts on 24 October).
      ['P-3', '15_17', 'manquante'],
      ['P-4', 'moins_15', 'recue'],
    ]);
  });
});

describe('single-table export', () => {
  it('exports the roster of one shift as one CSV with the same columns and rules', async () => {
    const single = await exportSingleTable(await exampleStore(), {
      table: 'participations',
      selection: { kind: 'shift', shiftId: 'C-1' },
      profile: 'excel-fr',
      mode: 'pseudonymous',
      settings: EXAMPLE_SETTINGS,
    });
    const bytes = await collectBytes(
      (async function* () {
        yield* single.chunks();
      })(),
    );
    const full = csvBytes(await prepare(await exampleStore()), 'participations');
    expect(Buffer.from(bytes).equals(Buffer.from(full))).toBe(true);
    expect(single.rowCount).toBe(2);
    expect(single.volunteerIds).toEqual(['V-1', 'V-2']);
    expect(single.fileName).toBe('volontaires-climat_les-amis-du-bassin_participations_c-1.csv');
  });
});

describe('a seeded data set', { timeout: 60_000 }, () => {
  it('validates against its schemas in both profiles and exports identically twice', async () => {
    const store = await seededStore(150, 'export');
    for (const profile of ['excel-fr', 'open-data'] as ExportProfile[]) {
      const options = { profile, from: '2026-06-01', to: '2026-11-30', settings: EXAMPLE_SETTINGS };
      const first = await prepare(store, options);
      const second = await prepare(store, options);
      expect(first.rowCounts.participations).toBeGreaterThan(100);
      for (const table of TABLE_NAMES) {
        const bytes = csvBytes(first, table);
        const result = validateCsv(bytes, dataResource(table, profile, 'pseudonymous'), {
          expectedRows: first.rowCounts[table],
        });
        expect(result.errors).toEqual([]);
        expect(Buffer.from(bytes).equals(Buffer.from(csvBytes(second, table)))).toBe(true);
      }
    }
  });
});
