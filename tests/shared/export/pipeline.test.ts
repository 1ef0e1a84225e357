import { describe, expect, it } from 'vitest';
import { dataResource, TABLE_NAMES, validateCsv, type ExportProfile } from '../../../shared/export';
import {
  event,
  exampleRecords,
  exampleStore,
  mission,
  shift,
  signUp,
  storeOf,
  volunteer,
  type Records,
} from './example-store';
import { csvBytes, prepare, rowsOf } from './helpers';

/** Behaviour of the pipeline beyond the reference example (city-export.md, "Columns" and the mapping table). */

/** Valid references (Luhn mod 32 over Crockford's base 32). */
const REFS = [
  'B-7F3K9QX2R',
  'B-2M8D1XQ7J',
  'B-000000000',
  'B-11111111M',
  'B-222222228',
  'B-33333333W',
  'B-44444444G',
  'B-555555554',
  'B-66666666R',
  'B-77777777C',
  'B-888888880',
  'B-99999999M',
  'B-AAAAAAAA8',
  'B-BBBBBBBBW',
  'B-CCCCCCCCG',
  'B-DDDDDDDD4',
  'B-EEEEEEEER',
  'B-FFFFFFFFC',
  'B-GGGGGGGGW',
  'B-HHHHHHHHG',
];

const PARIS_SHIFTS: Records = {
  missions: [
    mission({ id: 'M-centre', postcode: '75003', arrondissementInsee: null, category: 'COMPOST' }),
    mission({ id: 'M-16-south', postcode: '75016', arrondissementInsee: null, category: 'FRESQUE' }),
    mission({ id: 'M-boulogne', postcode: '92100', arrondissementInsee: '92012', category: 'MOBILITE' }),
    mission({ id: 'M-online', postcode: null, arrondissementInsee: null, online: true, category: 'FORMATION' }),
  ],
  shifts: [
    shift({ id: 'C-centre', missionId: 'M-centre', start: '2026-10-05T08:00:00Z', end: '2026-10-05T10:00:00Z' }),
    shift({ id: 'C-16', missionId: 'M-16-south', start: '2026-10-06T08:00:00Z', end: '2026-10-06T11:00:00Z' }),
    shift({ id: 'C-boulogne', missionId: 'M-boulogne', start: '2026-10-07T08:00:00Z', end: '2026-10-07T10:00:00Z' }),
    shift({ id: 'C-online', missionId: 'M-online', start: '2026-10-08T16:00:00Z', end: '2026-10-08T18:00:00Z' }),
  ],
};

describe('places', () => {
  it('writes 75116 for the 16th, Paris Centre for 1–4, nothing outside Paris or online', async () => {
    const prepared = await prepare(await exampleStore(PARIS_SHIFTS));
    const places = Object.fromEntries(
      rowsOf(prepared, 'missions').map((row) => [
        row.mission_id,
        [row.code_postal, row.arrondissement_insee, row.secteur],
      ]),
    );
    expect(places).toEqual({
      'M-1': ['75116', '75116', '16'],
      'M-centre': ['75003', '75103', 'Paris Centre'],
      'M-16-south': ['75016', '75116', '16'],
      'M-boulogne': ['92100', '92012', ''],
      'M-online': ['', '', ''],
    });
    const cells = rowsOf(prepared, 'agregats_mensuels').map(
      (row) => `${row.arrondissement_insee}/${row.categorie_code}`,
    );
    expect(cells).toEqual(['/FORMATION', '75103/COMPOST', '75116/FRESQUE', '75116/NETTOYAGE', '92012/MOBILITE']);
  });
});

describe('time', () => {
  const records: Records = {
    missions: [mission({ id: 'M-night' })],
    shifts: [
      // 22:00–06:00 across the spring change: 7 h; across the autumn change: 9 h (domain.md, "Time").
      shift({ id: 'C-march', missionId: 'M-night', start: '2026-03-28T21:00:00Z', end: '2026-03-29T04:00:00Z' }),
      shift({ id: 'C-october', missionId: 'M-night', start: '2026-10-24T20:00:00Z', end: '2026-10-25T05:00:00Z' }),
    ],
  };

  it.each<[ExportProfile, string[]]>([
    ['excel-fr', ['28/03/2026 22:00', '29/03/2026 06:00', '7', '24/10/2026 22:00', '25/10/2026 06:00', '9']],
    [
      'open-data',
      [
        '2026-03-28T22:00:00+01:00',
        '2026-03-29T06:00:00+02:00',
        '7',
        '2026-10-24T22:00:00+02:00',
        '2026-10-25T06:00:00+01:00',
        '9',
      ],
    ],
  ])('computes 22:00–06:00 as 7 h in March and 9 h in October (%s)', async (profile, expected) => {
    const prepared = await prepare(await storeOf(records), { profile, from: '2026-03-01', to: '2026-10-31' });
    expect(rowsOf(prepared, 'creneaux').flatMap((row) => [row.debut, row.fin, row.duree_prevue_h])).toEqual(expected);
  });

  it('selects shifts by their Paris start date, at both ends of the period', async () => {
    const store = await storeOf({
      missions: [mission({ id: 'M-edge' })],
      shifts: [
        shift({ id: 'C-before', missionId: 'M-edge', start: '2026-09-30T21:59:00Z', end: '2026-09-30T23:00:00Z' }),
        shift({ id: 'C-first', missionId: 'M-edge', start: '2026-09-30T22:00:00Z', end: '2026-09-30T23:00:00Z' }),
        shift({ id: 'C-last', missionId: 'M-edge', start: '2026-10-31T22:59:00Z', end: '2026-10-31T23:30:00Z' }),
        shift({ id: 'C-after', missionId: 'M-edge', start: '2026-10-31T23:00:00Z', end: '2026-11-01T01:00:00Z' }),
      ],
    });
    const prepared = await prepare(store);
    expect(rowsOf(prepared, 'creneaux').map((row) => row.creneau_id)).toEqual(['C-first', 'C-last']);
    // The mission's dates span all its shifts, not only the period's.
    expect(rowsOf(prepared, 'missions')[0]).toMatchObject({ date_debut: '30/09/2026', date_fin: '01/11/2026' });
  });
});

describe('the mapping table, row by row, through the pipeline', () => {
  const START = '2026-10-24T20:00:00.000Z';
  const END = '2026-10-25T05:00:00.000Z';
  const t = (iso: string) => iso;
  const volunteers = Array.from({ length: 20 }, (_unused, index) =>
    volunteer({ id: `V-${String(index).padStart(2, '0')}`, ref: REFS[index] as string }),
  );
  const su = (id: string, fields: Parameters<typeof signUp>[0] extends infer F ? Partial<F> : never) =>
    signUp({ id, volunteerId: `V-${id.slice(2)}`, shiftId: 'C-map', ...fields }, '2026-10-20T10:00:00Z');
  const ev = (id: string, signUpId: string, kind: 'check_in' | 'check_out' | 'auto_check_out', at: string) =>
    event({ id, signUpId, volunteerId: `V-${signUpId.slice(2)}`, kind, at, shiftId: 'C-map' });

  const records: Records = {
    missions: [mission({ id: 'M-map', category: 'SENSIBILISATION' })],
    shifts: [shift({ id: 'C-map', missionId: 'M-map', start: START, end: END })],
    volunteers,
    signUps: [
      su('P-00', {}),
      su('P-01', { toConfirm: true }),
      su('P-02', { status: 'waiting', waitingSince: t('2026-10-01T10:00:00Z') }),
      su('P-03', { status: 'cancelled', cancelledAt: t('2026-10-22T10:00:00Z'), cancellationCutoffHours: 24 }),
      su('P-04', { status: 'cancelled', cancelledAt: t('2026-10-24T10:00:00Z'), cancellationCutoffHours: 24 }),
      su('P-05', { attendance: 'excused', attendanceSource: 'manual' }),
      su('P-06', { attendance: 'present', attendanceSource: 'desk' }),
      su('P-07', { attendance: 'present', attendanceSource: 'desk' }),
      su('P-08', { attendance: 'present', attendanceSource: 'desk' }),
      su('P-09', { attendance: 'present', attendanceSource: 'desk_presence_default' }),
      su('P-10', {
        attendance: 'present',
        attendanceSource: 'manual',
        correctedArrival: t('2026-10-24T20:15:00Z'),
        correctedDeparture: t('2026-10-25T03:15:00Z'),
      }),
      su('P-11', { attendance: 'present', attendanceSource: 'manual' }),
      su('P-12', { attendance: 'present', attendanceSource: 'manual', declaredHours: 2.25, declaredReason: 'oubli' }),
      su('P-13', {
        attendance: 'present',
        attendanceSource: 'paper',
        correctedArrival: t('2026-10-24T20:00:00Z'),
        correctedDeparture: t('2026-10-25T01:00:18Z'),
      }),
      su('P-14', { attendance: 'present', attendanceSource: 'paper' }),
      su('P-15', { attendance: 'absent', attendanceSource: 'paper' }),
      su('P-16', { attendance: 'absent', attendanceSource: 'desk' }),
      su('P-17', { attendance: 'absent', attendanceSource: 'manual' }),
    ],
    checkinEvents: [
      ev('E-06', 'P-06', 'check_in', '2026-10-24T19:55:00Z'),
      ev('E-07a', 'P-07', 'check_in', '2026-10-24T20:05:00Z'),
      ev('E-07b', 'P-07', 'check_out', '2026-10-25T02:35:00Z'),
      ev('E-08a', 'P-08', 'check_in', '2026-10-24T21:00:00Z'),
      ev('E-08b', 'P-08', 'auto_check_out', END),
      // An undone check-in never counts.
      ev('E-08c', 'P-08', 'check_in', '2026-10-24T19:00:00Z'),
      // The coordinator's correction wins over the desk's events.
      ev('E-10', 'P-10', 'check_in', '2026-10-24T19:00:00Z'),
    ],
  };
  (records.checkinEvents as { id: string; deleted: boolean }[]).find((e) => e.id === 'E-08c')!.deleted = true;

  const COLUMNS = [
    'statut_inscription',
    'statut_presence',
    'pointage_arrivee',
    'pointage_depart',
    'duree_effective_h',
    'methode_duree',
    'mode_pointage',
  ] as const;

  it('gives each situation its statuses, times, method, mode and hours (excel-fr)', async () => {
    const prepared = await prepare(await storeOf(records));
    const rows = rowsOf(prepared, 'participations');
    const got = Object.fromEntries(rows.map((row) => [row.participation_id, COLUMNS.map((name) => row[name])]));
    expect(got).toEqual({
      'P-00': ['inscrit', 'non_renseigne', '', '', '', '', ''],
      'P-01': ['inscrit', 'non_renseigne', '', '', '', '', ''],
      'P-02': ['liste_attente', 'non_renseigne', '', '', '', '', ''],
      'P-03': ['annule', 'non_renseigne', '', '', '', '', ''],
      'P-04': ['annule', 'excuse', '', '', '', '', ''],
      'P-05': ['inscrit', 'excuse', '', '', '', '', 'manuel'],
      'P-06': ['inscrit', 'present', '24/10/2026 21:55', '', '', '', 'borne_hors_ligne'],
      'P-07': ['inscrit', 'present', '24/10/2026 22:05', '25/10/2026 03:35', '6,5', 'pointage', 'borne_hors_ligne'],
      'P-08': ['inscrit', 'present', '24/10/2026 23:00', '25/10/2026 06:00', '8', 'pointage', 'borne_hors_ligne'],
      'P-09': ['inscrit', 'present', '', '', '9', 'prevue', 'borne_hors_ligne'],
      'P-10': ['inscrit', 'present', '24/10/2026 22:15', '25/10/2026 04:15', '7', 'pointage', 'manuel'],
      'P-11': ['inscrit', 'present', '', '', '9', 'prevue', 'manuel'],
      'P-12': ['inscrit', 'present', '', '', '2,25', 'declaree', 'manuel'],
      'P-13': ['inscrit', 'present', '24/10/2026 22:00', '25/10/2026 02:00', '5,01', 'pointage', 'liste_papier'],
      'P-14': ['inscrit', 'present', '', '', '9', 'prevue', 'liste_papier'],
      'P-15': ['inscrit', 'absent', '', '', '0', '', 'liste_papier'],
      'P-16': ['inscrit', 'absent', '', '', '0', '', 'borne_hors_ligne'],
      'P-17': ['inscrit', 'absent', '', '', '0', '', 'manuel'],
    });
    // The shift's counts follow from those rows; `excuse` counts in neither present nor absent.
    expect(rowsOf(prepared, 'creneaux')[0]).toMatchObject({
      nb_inscrits: '15',
      nb_liste_attente: '1',
      nb_presents: '9',
      nb_absents: '3',
      // 6,5 + 8 + 9 + 7 + 9 + 2,25 + 5,01 + 9 (the running check-in has no hours yet)
      heures_benevoles: '55,76',
    });
    const cell = rowsOf(prepared, 'agregats_mensuels')[0];
    expect(cell).toMatchObject({
      nb_participations: '15',
      nb_presences: '9',
      nb_benevoles_distincts: '9',
      nb_nouveaux_benevoles: '9',
      heures_benevoles: '55,76',
      secret_applique: 'non',
    });
    for (const table of TABLE_NAMES) {
      const result = validateCsv(csvBytes(prepared, table), dataResource(table, 'excel-fr', 'pseudonymous'));
      expect(result.errors).toEqual([]);
    }
  });
});

describe('small counts', () => {
  it('leaves a count of 3 empty with secret_applique, and keeps 0 and 5 as they are', async () => {
    const three = ['V-a', 'V-b', 'V-c'];
    const five = ['V-d', 'V-e', 'V-f', 'V-g', 'V-h'];
    const store = await storeOf({
      missions: [
        mission({ id: 'M-three', category: 'COMPOST', postcode: '75011', arrondissementInsee: '75111' }),
        mission({ id: 'M-five', category: 'COMPOST', postcode: '75012', arrondissementInsee: '75112' }),
      ],
      shifts: [
        shift({ id: 'C-three', missionId: 'M-three', start: '2026-10-10T08:00:00Z', end: '2026-10-10T10:00:00Z' }),
        shift({ id: 'C-five', missionId: 'M-five', start: '2026-10-10T08:00:00Z', end: '2026-10-10T10:00:00Z' }),
      ],
      volunteers: [...three, ...five].map((id, index) => volunteer({ id, ref: REFS[index] as string })),
      signUps: [
        ...three.map((id) => signUp({ id: `P${id}`, volunteerId: id, shiftId: 'C-three' }, '2026-10-01T00:00:00Z')),
        ...five.map((id) =>
          signUp(
            { id: `P${id}`, volunteerId: id, shiftId: 'C-five', attendance: 'present', attendanceSource: 'manual' },
            '2026-10-01T00:00:00Z',
          ),
        ),
      ],
    });
    const rows = rowsOf(await prepare(store, { profile: 'open-data' }), 'agregats_mensuels');
    expect(
      rows.map((row) => [row.arrondissement_insee, row.nb_participations, row.nb_presences, row.secret_applique]),
    ).toEqual([
      ['75111', '', '0', 'true'],
      ['75112', '5', '5', 'false'],
    ]);
    // Hours are never suppressed: 2 h each for the five present.
    expect(rows[1]?.heures_benevoles).toBe('10');
    expect(rows[0]?.heures_benevoles).toBe('0');
  });
});

describe('first participations and mission impact over all time', () => {
  it('marks only the first participation ever marked present, and counts a mission impact in its first shift cell', async () => {
    const base = exampleRecords();
    const store = await storeOf({
      ...base,
      missions: [
        ...base.missions,
        mission({
          id: 'M-long',
          category: 'VEGETALISATION',
          status: 'done',
          impact: { kgWaste: null, m2Greened: 12.5, peopleReached: null, objectsRepaired: null, peopleContacted: null },
        }),
      ],
      shifts: [
        ...base.shifts,
        shift({ id: 'C-sept', missionId: 'M-long', start: '2026-09-12T08:00:00Z', end: '2026-09-12T10:00:00Z' }),
        shift({ id: 'C-oct', missionId: 'M-long', start: '2026-10-12T08:00:00Z', end: '2026-10-12T10:00:00Z' }),
      ],
      signUps: [
        ...base.signUps,
        // V-2, absent in the example, was present in September: their October presence is not a first.
        signUp(
          { id: 'P-sept', volunteerId: 'V-2', shiftId: 'C-sept', attendance: 'present', attendanceSource: 'manual' },
          '2026-09-12T12:00:00Z',
        ),
        signUp(
          { id: 'P-oct', volunteerId: 'V-2', shiftId: 'C-oct', attendance: 'present', attendanceSource: 'manual' },
          '2026-10-12T12:00:00Z',
        ),
      ],
    });
    const october = await prepare(store, { profile: 'open-data' });
    const firsts = Object.fromEntries(
      rowsOf(october, 'participations').map((row) => [row.participation_id, row.premiere_participation]),
    );
    expect(firsts).toEqual({ 'P-oct': 'false', 'P-1': 'true', 'P-2': 'false' });
    const long = rowsOf(october, 'missions').find((row) => row.mission_id === 'M-long');
    expect(long).toMatchObject({ date_debut: '2026-09-12', date_fin: '2026-10-12', m2_vegetalises: '12.5' });
    // First shift in September: the October aggregates do not count the m² again.
    const octoberCell = rowsOf(october, 'agregats_mensuels').find((row) => row.categorie_code === 'VEGETALISATION');
    expect(octoberCell).toMatchObject({ nb_missions_realisees: '1', m2_vegetalises: '', nb_nouveaux_benevoles: '0' });
    const september = await prepare(store, { profile: 'open-data', from: '2026-09-01', to: '2026-09-30' });
    expect(rowsOf(september, 'agregats_mensuels')[0]).toMatchObject({
      periode: '2026-09',
      m2_vegetalises: '12.5',
      nb_nouveaux_benevoles: '',
      secret_applique: 'true',
    });
  });
});

describe('order', () => {
  it('orders missions by date_debut then id, shifts by start then id, participations by shift then id', async () => {
    const store = await storeOf({
      missions: [mission({ id: 'M-b' }), mission({ id: 'M-a' }), mission({ id: 'M-c' })],
      shifts: [
        shift({ id: 'C-3', missionId: 'M-c', start: '2026-10-01T08:00:00Z', end: '2026-10-01T09:00:00Z' }),
        shift({ id: 'C-2', missionId: 'M-b', start: '2026-10-02T08:00:00Z', end: '2026-10-02T09:00:00Z' }),
        shift({ id: 'C-1', missionId: 'M-a', start: '2026-10-02T08:00:00Z', end: '2026-10-02T09:00:00Z' }),
      ],
      volunteers: [volunteer({ id: 'V-1', ref: 'B-7F3K9QX2R' })],
      signUps: ['P-9', 'P-1'].flatMap((prefix) =>
        ['C-2', 'C-1', 'C-3'].map((shiftId) =>
          signUp({ id: `${prefix}-${shiftId}`, volunteerId: 'V-1', shiftId }, '2026-09-01T00:00:00Z'),
        ),
      ),
    });
    const prepared = await prepare(store);
    expect(rowsOf(prepared, 'missions').map((row) => row.mission_id)).toEqual(['M-c', 'M-a', 'M-b']);
    expect(rowsOf(prepared, 'creneaux').map((row) => row.creneau_id)).toEqual(['C-3', 'C-1', 'C-2']);
    expect(rowsOf(prepared, 'participations').map((row) => row.participation_id)).toEqual([
      'P-1-C-3',
      'P-9-C-3',
      'P-1-C-1',
      'P-9-C-1',
      'P-1-C-2',
      'P-9-C-2',
    ]);
  });
});
