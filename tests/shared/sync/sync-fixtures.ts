import type { CheckinEvent, Mission, Shift, SignUp, Volunteer } from '../../../shared/domain/model';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { canonicalJson } from '../../../shared/merge';
import { luhnCheckCharacter } from '../../../shared/domain/volunteer-ref';
import { encodeHlc } from '../../../shared/records/hlc';
import { clockedFields, type MergeableBase } from '../../../shared/records/record';
import { seedInto } from '../../../shared/seed';
import { createMemoryRecordStore, type MemoryRecordStore } from '../../../shared/sync/record-store';
import { createMemorySyncState, type MemorySyncState } from '../../../shared/sync/state';
import { aMission, anEvent, aShift, aSignUp, aVolunteer } from '../domain/factories';

/** Shared pieces of the sync tests: desks in memory, clocked records, and a view of a store to compare. */

export const NOW = '2026-11-28T09:00:00.000Z';

/** A clock of a desk, `minutes` after the base data was made. */
export const at = (deskId: string, minutes: number) =>
  encodeHlc({ wallMs: Date.parse(NOW) + 3_600_000 + minutes * 60_000, counter: 0, deskId });

export interface TestDesk {
  readonly id: string;
  readonly store: MemoryRecordStore;
  readonly state: MemorySyncState;
}

export function aDesk(id: string): TestDesk {
  return { id, store: createMemoryRecordStore(), state: createMemorySyncState() };
}

/** Every clocked field of the record stamped with one clock, as `createRecord` would. */
export function stamped<T extends MergeableBase>(record: T, clock: string): T {
  const clocks: Record<string, string> = {};
  for (const field of clockedFields(record)) clocks[field] = clock;
  return { ...record, clocks };
}

const SEEDED_SHIFTS = 12;

export const BASE = encodeHlc({ wallMs: Date.parse(NOW), counter: 0, deskId: 'origin' });

/** The association's data before the desks part: a seeded base plus one shift with one place left. */
export async function baseData(store: MemoryRecordStore, volunteers = 5): Promise<void> {
  // The seed's people, consents, missions, erasure, alias and logs, but only its first shifts with their sign-ups
  // and check-ins: every table is present, and a sync round stays quick on a loaded machine.
  const seeded = createMemoryRecordStore();
  await seedInto(seeded, { volunteers, now: NOW, seed: 'sync' });
  const shifts = seeded.all('shifts').slice(0, SEEDED_SHIFTS);
  const kept = new Set(shifts.map((shift) => shift.id));
  for (const table of SHARED_TABLE_NAMES) {
    const records = (table === 'shifts' ? shifts : seeded.all(table)) as readonly { shiftId?: unknown }[];
    const onKeptShift = records.filter((record) => typeof record.shiftId !== 'string' || kept.has(record.shiftId));
    await store.writeBatch(table, onKeptShift as never[]);
  }
  const mission: Mission = stamped(aMission({ id: 'm-sync', createdAt: NOW }), BASE);
  const shift: Shift = stamped(aShift({ id: 's-last', missionId: 'm-sync', capacity: 2, createdAt: NOW }), BASE);
  const people: Volunteer[] = ['p-1', 'p-2', 'p-3', 'p-4'].map((id, index) =>
    stamped(aVolunteer({ id, ref: REFS[index], firstName: `Prénom ${id}`, lastName: 'Test', createdAt: NOW }), BASE),
  );
  const first: SignUp = stamped(aSignUp({ id: 'su-1', shiftId: 's-last', volunteerId: 'p-1', createdAt: NOW }), BASE);
  await store.writeBatch('missions', [mission]);
  await store.writeBatch('shifts', [shift]);
  await store.writeBatch('volunteers', people);
  await store.writeBatch('signUps', [first]);
}

// Valid references: a Crockford base-32 body and its check character.
const REFS = ['SYNC0001', 'SYNC0002', 'SYNC0003', 'SYNC0004'].map((body) => `B-${body}${luhnCheckCharacter(body)}`);

export function aSignUpOf(id: string, volunteerId: string, clock: string): SignUp {
  return stamped(aSignUp({ id, shiftId: 's-last', volunteerId, createdAt: NOW }), clock);
}

export function aCheckIn(id: string, deskId: string, clock: string): CheckinEvent {
  return stamped(
    anEvent('check_in', '2026-11-28T10:00:00.000Z', {
      id,
      signUpId: 'su-1',
      shiftId: 's-last',
      volunteerId: 'p-1',
      deskId,
      createdAt: NOW,
    }),
    clock,
  );
}

/** Every table as canonical JSON: two stores hold the same data when their views are equal. */
export function view(store: MemoryRecordStore): Record<string, string[]> {
  return Object.fromEntries(
    SHARED_TABLE_NAMES.map((table) => [table, store.all(table).map((record) => canonicalJson(record))]),
  );
}
