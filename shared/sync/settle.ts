import type { Alias, ReviewItem, Shift, SignUp } from '../domain/model';
import { isConfirmed } from '../domain/capacity';
import type { SharedRecord, SharedTableName } from '../domain/tables';
import { canonicalJson } from '../merge/dataset';
import { createErasurePolicy } from '../merge/erasure';
import { createDuplicateCollector, DERIVED_CLOCK } from '../merge/review';
import { stableUuid } from '../merge/stable-id';
import { inSchemaOrder } from '../merge/versions';
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

export async function settleAfterPull(store: SyncRecordStore): Promise<SettleResult> {
  const policy = createErasurePolicy(await collect(store, 'erasures'), await collect(store, 'aliases'));
  let erasedRecords = 0;
  if (policy.erasedIds.size > 0) {
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
