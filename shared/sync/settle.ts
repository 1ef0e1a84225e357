import type { Alias, ReviewItem, Shift, SignUp, Volunteer } from '../domain/model';
import { isConfirmed } from '../domain/capacity';
import { SHARED_TABLE_NAMES, SHARED_TABLES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { canonicalJson } from '../merge/dataset';
import { createErasurePolicy } from '../merge/erasure';
import { createDuplicateCollector, DERIVED_CLOCK } from '../merge/review';
import { stableUuid } from '../merge/stable-id';
import { inSchemaOrder } from '../merge/versions';
import { decodeHlc, encodeHlc } from '../records/hlc';
import { createRecord } from '../records/record';
import type { SyncRecordStore } from './record-store';

/**
 * What a sync does to the local store after a pull, as a file merge does after its join (docs/merge.md), so server
 * sync and file merges agree:
 * 1. the erasure register is applied again (grow-only, always wins): no copy from the server brings a person back;
 * 2. the same person under two ids is suggested for review (never merged);
 * 3. a shift with more confirmed sign-ups than places, none of them an override, goes on the review list: two
 *    offline desks each gave away its last place. The item is derived data (id from the shift, `DERIVED_CLOCK`),
 *    so every desk derives the same one, and a coordinator's decision on it (a later clock) wins.
 * The records it changes are pushed by the same sync, like any local change.
 */

export interface SettleResult {
  readonly erasedRecords: number;
  readonly reviewItemsAdded: number;
}

const OVERBOOKED_NAMESPACE = 'desk-climat/overbooked-shift';
const WRITE_BATCH = 500;

export function overbookedItemId(shiftId: string): string {
  return stableUuid(OVERBOOKED_NAMESPACE, shiftId);
}

/**
 * `replacedIdentities`: this desk's copies of volunteers whose identity the pull just changed (pull.ts). When one of
 * them is an erased person, their name, e-mail and phones are known again for a moment, and every free text of every
 * shared table is cleaned of them, as a file merge does with each side's copies (shared/merge/erasure.ts). Without
 * such a copy, only the records linked by id are rewritten, which keeps an ordinary sync from reading every table.
 */
export async function settleAfterPull(
  store: SyncRecordStore,
  replacedIdentities: readonly Volunteer[] = [],
): Promise<SettleResult> {
  const policy = createErasurePolicy(
    await collect(store, 'erasures'),
    await collect(store, 'aliases'),
    replacedIdentities,
  );
  let erasedRecords = 0;
  if (policy.needles.length > 0) {
    for (const table of SHARED_TABLE_NAMES) {
      if (table === 'erasures') continue;
      erasedRecords += await rewrite(store, table, (record) => cleaned(table, record, policy.applyTo(table, record)));
    }
  } else if (policy.erasedIds.size > 0) {
    erasedRecords += await rewrite(store, 'volunteers', (volunteer) => policy.eraseVolunteer(volunteer));
    erasedRecords += await rewrite(store, 'aliases', (alias: Alias) => policy.eraseAlias(alias));
    erasedRecords += await rewrite(store, 'auditLog', (entry) => policy.redactAuditEntry(entry));
  }
  const reviewItems = await collect(store, 'reviewItems');
  const known = new Set(reviewItems.map((item) => item.id));
  const added = [...(await duplicateSuggestions(store, reviewItems)), ...(await overbookedShifts(store, known))];
  if (added.length > 0) await store.writeBatch('reviewItems', added);
  return { erasedRecords, reviewItemsAdded: added.length };
}

/**
 * A text cleaned of an erased person's identity wins over the quoting text on every desk, including desks that no
 * longer know the name (the one that erased them): each changed field's clock moves one step past its own (same
 * time and desk, next counter). Every desk that cleans the same text derives the same value and clock, so they
 * converge. Logs merge by union and keep their entries as they are; the register's rule handles them.
 */
function cleaned<T extends SharedTableName>(
  table: T,
  before: SharedRecord<T>,
  after: SharedRecord<T>,
): SharedRecord<T> {
  if (after === before || SHARED_TABLES[table].merge !== 'record') return after;
  const old = before as unknown as Record<string, unknown>;
  const next = after as unknown as Record<string, unknown> & { clocks: Record<string, string> };
  const clocks = { ...next.clocks };
  for (const field of Object.keys(clocks)) {
    if (canonicalJson(old[field]) === canonicalJson(next[field])) continue;
    const clock = decodeHlc(clocks[field] as string);
    clocks[field] = encodeHlc({ ...clock, counter: clock.counter + 1 });
  }
  return { ...next, clocks } as unknown as SharedRecord<T>;
}

async function duplicateSuggestions(store: SyncRecordStore, reviewItems: readonly ReviewItem[]): Promise<ReviewItem[]> {
  const collector = createDuplicateCollector();
  for await (const volunteer of store.records('volunteers')) collector.add(volunteer);
  return collector.settle(reviewItems).added;
}

async function overbookedShifts(store: SyncRecordStore, known: ReadonlySet<string>): Promise<ReviewItem[]> {
  const confirmed = new Map<string, SignUp[]>();
  for await (const signUp of store.records('signUps')) {
    if (!isConfirmed(signUp)) continue;
    const list = confirmed.get(signUp.shiftId) ?? [];
    list.push(signUp);
    confirmed.set(signUp.shiftId, list);
  }
  const items: ReviewItem[] = [];
  for await (const shift of store.records('shifts')) {
    const signUps = confirmed.get(shift.id) ?? [];
    // A coordinator's override put someone over capacity knowingly: only places given in the ordinary way count.
    const ordinary = signUps.filter((signUp) => signUp.override === null).length;
    if (shift.deleted || ordinary <= shift.capacity) continue;
    const id = overbookedItemId(shift.id);
    if (known.has(id)) continue;
    items.push(overbookedItem(shift, signUps));
  }
  return items;
}

function overbookedItem(shift: Shift, signUps: readonly SignUp[]): ReviewItem {
  // The latest sign-up made the overbooking; taken from the data so that every desk derives the same item.
  const createdAt = signUps.map((signUp) => signUp.createdAt).reduce((a, b) => (a >= b ? a : b), shift.createdAt);
  const item = createRecord<ReviewItem>(
    {
      kind: 'overbooked_shift',
      recordIds: [shift.id],
      summary:
        'Créneau au-delà de sa capacité : des places données hors ligne sur deux postes / Shift over capacity: places given offline on two desks',
      state: 'open',
    },
    { id: overbookedItemId(shift.id), clock: DERIVED_CLOCK, createdAt },
  );
  return inSchemaOrder('reviewItems', item);
}

async function collect<T extends SharedTableName>(store: SyncRecordStore, table: T): Promise<SharedRecord<T>[]> {
  const records: SharedRecord<T>[] = [];
  for await (const record of store.records(table)) records.push(record);
  return records;
}

/** Write back, in batches, the records that `change` really changes; the count of those. */
async function rewrite<T extends SharedTableName>(
  store: SyncRecordStore,
  table: T,
  change: (record: SharedRecord<T>) => SharedRecord<T>,
): Promise<number> {
  let batch: SharedRecord<T>[] = [];
  let changed = 0;
  for await (const record of store.records(table)) {
    const next = change(record);
    if (next === record || canonicalJson(next) === canonicalJson(record)) continue;
    batch.push(next);
    changed++;
    if (batch.length >= WRITE_BATCH) {
      await store.writeBatch(table, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await store.writeBatch(table, batch);
  return changed;
}
