import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { DeskDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3 } from '../../../renderer/db/database';
import { loadDeskContext, type DeskContext } from '../../../renderer/db/desk-context';
import type { NewVolunteer } from '../../../renderer/db/repositories/volunteers-repository';
import { aVolunteer } from '../../shared/domain/factories';
import { createRepositories } from '../../../renderer/db/repositories-context';
import { EMPTY_MISSION_DRAFT, validateMissionDraft } from '../../../renderer/features/missions/validate-mission';
import { DEFAULT_SETTINGS, type SignUp } from '../../../shared/domain/model';

let counter = 0;

/** A fresh database per test (a unique name in fake-indexeddb), with a desk whose clock and ids are predictable. */
export async function createTestDatabase(
  options: { start?: string } = {},
): Promise<{ db: DeskDatabase; desk: DeskContext }> {
  counter += 1;
  const db = new DeskDatabase(`test-${counter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  let time = Date.parse(options.start ?? '2026-11-28T09:00:00Z');
  let id = 0;
  const desk = await loadDeskContext(db, {
    now: () => new Date((time += 1000)),
    newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
  });
  return { db, desk };
}

/** What the volunteer form gives the repository: the shared test volunteer without its bookkeeping and contacts. */
export function newVolunteer(fields: Partial<NewVolunteer> = {}): NewVolunteer {
  const {
    id: _id,
    createdAt: _createdAt,
    clocks: _clocks,
    deleted: _deleted,
    ref: _ref,
    arrondissementInsee: _a,
    ...rest
  } = aVolunteer();
  return { ...rest, firstName: '', lastName: '', email: null, phone: null, postcode: null, birthDate: null, ...fields };
}

/**
 * A store with its settings, one clean-up mission and one shift on 28 Nov 2026, 08:00–11:00 UTC: what the sign-up
 * and desk tests build on. `now` is the desk's clock at the start.
 */
export async function createStoreWithShift(options: { now: string; operator: string; capacity: number }) {
  const { db, desk } = await createTestDatabase({ start: options.now });
  desk.setOperator(options.operator);
  const repositories = createRepositories(db, desk);
  await repositories.settings.save({ ...DEFAULT_SETTINGS, associationName: 'A', deskName: 'Accueil' });
  const fields = validateMissionDraft({ ...EMPTY_MISSION_DRAFT, title: 'Clean-up', category: 'NETTOYAGE' });
  if (!fields.ok) throw new Error('mission');
  const mission = await repositories.missions.create(fields.fields);
  const shift = await repositories.shifts.create({
    missionId: mission.id,
    start: '2026-11-28T08:00:00.000Z',
    end: '2026-11-28T11:00:00.000Z',
    capacity: options.capacity,
    roleNeeds: [],
    requiredSkill: null,
    seriesId: null,
  });
  return { db, desk, repositories, mission, shift };
}

/** A file of tests/fixtures/, as bytes (what the import reads from the chosen file). */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures', name)));
}

/** The store the import tests start from: the fixtures README's reference date, one volunteer already there. */
export async function createImportTestStore() {
  const { db, desk } = await createTestDatabase({ start: '2026-11-28T09:00:00Z' });
  const repositories = createRepositories(db, desk);
  await repositories.volunteers.create(newVolunteer({ firstName: 'Déjà', lastName: 'Là' }));
  return { db, repositories };
}

/**
 * A desk that has been through its first start, as a coordinator opens it on a Saturday: the named database with its
 * settings and these people, then closed, for tests that start the app on it (bootstrap).
 */
export async function seedStartedDesk(name: string, people: ReadonlyArray<readonly [string, string]> = []) {
  const db = new DeskDatabase(name);
  await db.open();
  const repositories = createRepositories(db, await loadDeskContext(db));
  await repositories.settings.save({
    ...DEFAULT_SETTINGS,
    associationName: 'Climat 19',
    deskName: 'Accueil',
    firstStartCompletedAt: '2026-11-28T08:00:00.000Z',
  });
  for (const [firstName, lastName] of people)
    await repositories.volunteers.create(newVolunteer({ firstName, lastName }));
  db.close();
}

/** A database at schema version 3 exactly as it was published, holding these sign-ups, then closed (migration tests). */
export async function buildVersion3(name: string, signUps: readonly SignUp[]): Promise<void> {
  const v3 = new Dexie(name);
  v3.version(1).stores(SCHEMA_V1);
  v3.version(2).stores(SCHEMA_V2);
  v3.version(3).stores(SCHEMA_V3);
  await v3.open();
  await v3.table('signUps').bulkPut([...signUps]);
  v3.close();
}
