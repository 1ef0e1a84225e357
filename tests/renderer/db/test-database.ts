import { DeskDatabase } from '../../../renderer/db/database';
import { loadDeskContext, type DeskContext } from '../../../renderer/db/desk-context';
import type { NewVolunteer } from '../../../renderer/db/repositories/volunteers-repository';
import { aVolunteer } from '../../shared/domain/factories';

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
