import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_SETTINGS,
  type CheckinEvent,
  type Consent,
  type Erasure,
  type Mission,
  type Shift,
  type SignUp,
  type Volunteer,
} from '../../../shared/domain/model';
import { encodeHlc } from '../../../shared/records/hlc';
import type { ExportSettings } from '../../../shared/export';
import { createMemoryStore, type MemoryStore } from '../../../shared/storage/memory-store';
import type { SharedRecord, SharedTableName } from '../../../shared/domain/tables';

/**
 * Records that give the reference export of tests/fixtures/export-examples/ (see tests/fixtures/README.md): one
 * mission in the 16th at postcode 75116 whose title begins with `=`, one 22:00–06:00 shift across the 25 October 2026
 * change, one person present 9.5 h after arriving half an hour early, one no-show marked by a coordinator.
 */

export const EXAMPLES = join(process.cwd(), 'tests/fixtures/export-examples');
export const EXAMPLE_FILES = ['missions.csv', 'creneaux.csv', 'participations.csv', 'agregats_mensuels.csv'] as const;

export function exampleBytes(profile: 'excel-fr' | 'open-data', file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(EXAMPLES, profile, file)));
}

export const EXAMPLE_SETTINGS: ExportSettings = {
  associationName: 'Les Amis du Bassin',
  rna: 'W750000001',
  siret: '12345678901237',
  cancellationCutoffHours: DEFAULT_SETTINGS.cancellationCutoffHours,
};

/** A clock whose wall time is `iso` (a field's last write at that instant). */
export function clockAt(iso: string, counter = 0): string {
  return encodeHlc({ wallMs: Date.parse(iso), counter, deskId: 'desk-a' });
}

/** Every clocked field of a record gets the clock of `at` (its last change). */
export function clocked<T extends { id: string }>(fields: T, at: string, createdAt = '2026-09-01T08:00:00.000Z') {
  const clock = clockAt(at);
  const clocks = Object.fromEntries(
    Object.keys(fields)
      .filter((key) => key !== 'id')
      .map((key) => [key, clock]),
  );
  return { ...fields, createdAt, clocks, deleted: false };
}

export function mission(fields: Partial<Mission> & { id: string }, at = '2026-10-25T08:00:00Z'): Mission {
  return clocked<Omit<Mission, 'createdAt' | 'clocks' | 'deleted'>>(
    {
      title: 'Mission',
      description: '',
      category: 'NETTOYAGE',
      partner: '',
      placeName: '',
      address: '',
      atPrivateHomes: false,
      postcode: '75116',
      arrondissementInsee: '75116',
      online: false,
      audience: 'everyone',
      minimumAge: null,
      minorsNeedAuthorisation: false,
      stepFreeAccess: null,
      referentName: 'Camille Martin',
      referentPhone: '+33611223344',
      whatToBring: '',
      status: 'planned',
      cancellationReason: null,
      impact: { kgWaste: null, m2Greened: null, peopleReached: null, objectsRepaired: null, peopleContacted: null },
      ...fields,
    },
    at,
  ) as Mission;
}

export function shift(fields: Partial<Shift> & { id: string }, at = '2026-10-25T08:00:00Z'): Shift {
  return clocked<Omit<Shift, 'createdAt' | 'clocks' | 'deleted'>>(
    {
      missionId: 'M-1',
      start: '2026-10-24T20:00:00.000Z',
      end: '2026-10-25T05:00:00.000Z',
      capacity: 30,
      roleNeeds: [],
      requiredSkill: null,
      seriesId: null,
      ...fields,
    },
    at,
  ) as Shift;
}

export function volunteer(fields: Partial<Volunteer> & { id: string; ref: string }, at = '2026-09-01T08:00:00Z') {
  return clocked<Omit<Volunteer, 'createdAt' | 'clocks' | 'deleted'>>(
    {
      firstName: 'Hélène',
      lastName: 'Le Fèvre',
      email: 'helene.lefevre@example.org',
      phone: '+33612345678',
      postcode: '75019',
      arrondissementInsee: '75119',
      birthDate: '1990-05-01',
      ageBand: null,
      parentalAuthorisation: null,
      guardianName: null,
      guardianPhone: null,
      skills: [],
      languages: ['fr'],
      availability: '',
      notes: '',
      status: 'active',
      ...fields,
    },
    at,
  ) as Volunteer;
}

export function signUp(fields: Partial<SignUp> & { id: string; volunteerId: string }, at: string): SignUp {
  return clocked<Omit<SignUp, 'createdAt' | 'clocks' | 'deleted'>>(
    {
      shiftId: 'C-1',
      role: 'volunteer',
      status: 'signed_up',
      toConfirm: false,
      waitingSince: null,
      cancelledAt: null,
      cancellationReason: null,
      cancellationCutoffHours: null,
      attendance: 'unmarked',
      attendanceSource: null,
      correctedArrival: null,
      correctedDeparture: null,
      declaredHours: null,
      declaredReason: null,
      override: null,
      ...fields,
    },
    at,
  ) as SignUp;
}

export function event(
  fields: Pick<CheckinEvent, 'id' | 'signUpId' | 'volunteerId' | 'kind' | 'at'> & Partial<CheckinEvent>,
): CheckinEvent {
  return clocked<Omit<CheckinEvent, 'createdAt' | 'clocks' | 'deleted'>>(
    { shiftId: 'C-1', operator: 'Camille', deskId: 'desk-a', ...fields },
    fields.at,
  ) as CheckinEvent;
}

export function consent(
  fields: Pick<Consent, 'id' | 'volunteerId' | 'given'> & Partial<Consent>,
  at = '2026-09-01T08:00:00Z',
): Consent {
  return clocked<Omit<Consent, 'createdAt' | 'clocks' | 'deleted'>>(
    { purpose: 'city_sharing', date: '2026-09-01', noticeVersion: 'v1', channel: 'desk', ...fields },
    at,
  ) as Consent;
}

export function erasure(volunteerId: string, replacementRef: string): Erasure {
  return { volunteerId, erasedAt: '2026-11-01T10:00:00.000Z', replacementRef };
}

export type Records = { [T in SharedTableName]?: SharedRecord<T>[] };

export async function storeOf(records: Records): Promise<MemoryStore> {
  const store = createMemoryStore();
  for (const [table, rows] of Object.entries(records) as [SharedTableName, SharedRecord<SharedTableName>[]][]) {
    await store.writeBatch(table, rows);
  }
  return store;
}

/** The records behind the reference export. */
export function exampleRecords(): Required<
  Pick<Records, 'missions' | 'shifts' | 'volunteers' | 'signUps' | 'checkinEvents'>
> &
  Records {
  return {
    missions: [
      mission({
        id: 'M-1',
        title: '=Ramassage canal',
        category: 'NETTOYAGE',
        placeName: 'Square de la Place-de-Mexico',
        postcode: '75116',
        arrondissementInsee: '75116',
        audience: 'everyone',
        minimumAge: 16,
        minorsNeedAuthorisation: true,
        stepFreeAccess: true,
        status: 'done',
        impact: { kgWaste: 41.2, m2Greened: null, peopleReached: null, objectsRepaired: null, peopleContacted: null },
      }),
    ],
    shifts: [shift({ id: 'C-1' })],
    volunteers: [
      volunteer({ id: 'V-1', ref: 'B-7F3K9QX2R', birthDate: '1990-05-01' }),
      volunteer({
        id: 'V-2',
        ref: 'B-2M8D1XQ7J',
        firstName: 'Karim',
        lastName: 'Benali',
        email: 'karim@example.org',
        phone: '+447700900123',
        birthDate: null,
        ageBand: { band: '26_64', givenOn: '2026-09-01' },
      }),
    ],
    signUps: [
      signUp(
        { id: 'P-1', volunteerId: 'V-1', attendance: 'present', attendanceSource: 'desk' },
        '2026-10-24T19:30:00Z',
      ),
      signUp(
        { id: 'P-2', volunteerId: 'V-2', attendance: 'absent', attendanceSource: 'manual' },
        '2026-10-25T08:00:00Z',
      ),
    ],
    checkinEvents: [
      // 21:30 Paris summer time, half an hour before the start; 06:00 Paris winter time.
      event({ id: 'E-1', signUpId: 'P-1', volunteerId: 'V-1', kind: 'check_in', at: '2026-10-24T19:30:00.000Z' }),
      event({ id: 'E-2', signUpId: 'P-1', volunteerId: 'V-1', kind: 'check_out', at: '2026-10-25T05:00:00.000Z' }),
    ],
  };
}

export async function exampleStore(extra: Records = {}): Promise<MemoryStore> {
  const base = exampleRecords();
  const merged: Records = { ...base };
  for (const [table, rows] of Object.entries(extra) as [SharedTableName, SharedRecord<SharedTableName>[]][]) {
    (merged as Record<string, unknown[]>)[table] = [...((merged as Record<string, unknown[]>)[table] ?? []), ...rows];
  }
  return storeOf(merged);
}

export const EXAMPLE_PERIOD = { from: '2026-10-01', to: '2026-10-31' } as const;
