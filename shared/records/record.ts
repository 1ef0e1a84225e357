import { z } from 'zod';
import { compareHlc, isHlcString, maxHlc, type HlcString } from './hlc';

/**
 * Records made to merge (architecture.md, rule 7).
 *
 * A shared record carries its id, its creation time and one clock per field (`clocks`), the clock of that field's
 * last write. Deletion is a field like any other (`deleted` and its clock), so an edit of another field never brings
 * a deleted record back. Bookkeeping fields are not clocked.
 */
export const BOOKKEEPING_FIELDS = ['id', 'createdAt', 'clocks'] as const;
type Bookkeeping = (typeof BOOKKEEPING_FIELDS)[number];

export const hlcStringSchema = z.string().refine(isHlcString, { message: 'Horloge invalide / invalid clock' });
export const uuidSchema = z.string().min(1).max(64);
export const isoInstantSchema = z.iso.datetime({ offset: true });
export const isoDateSchema = z.iso.date();

export const mergeableBaseSchema = z.object({
  id: uuidSchema,
  createdAt: isoInstantSchema,
  clocks: z.record(z.string(), hlcStringSchema),
  deleted: z.boolean(),
});

export type MergeableBase = z.infer<typeof mergeableBaseSchema>;

/** The fields of T that carry a clock. */
export type ClockedField<T extends MergeableBase> = Exclude<keyof T & string, Bookkeeping>;

export function clockedFields<T extends MergeableBase>(record: T): ClockedField<T>[] {
  return Object.keys(record).filter(
    (key) => !(BOOKKEEPING_FIELDS as readonly string[]).includes(key),
  ) as ClockedField<T>[];
}

/** Build a new record: every field gets the same clock, the clock of its creation. */
export function createRecord<T extends MergeableBase>(
  fields: Omit<T, Bookkeeping | 'deleted'>,
  options: { id: string; clock: HlcString; createdAt: string },
): T {
  const record = { ...fields, deleted: false, id: options.id, createdAt: options.createdAt, clocks: {} } as T;
  const clocks: Record<string, HlcString> = {};
  for (const field of clockedFields(record)) clocks[field] = options.clock;
  return { ...record, clocks };
}

/**
 * Apply a local edit: only the fields whose value really changes get the new clock, so an edit that repeats the
 * current value does not override another desk's concurrent change.
 */
export function updateRecord<T extends MergeableBase>(
  record: T,
  patch: Partial<Omit<T, Bookkeeping>>,
  clock: HlcString,
): T {
  const next: Record<string, unknown> = { ...record };
  const clocks: Record<string, HlcString> = { ...record.clocks };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined || (BOOKKEEPING_FIELDS as readonly string[]).includes(field)) continue;
    if (sameValue(next[field], value)) continue;
    next[field] = value;
    clocks[field] = clock;
  }
  return { ...(next as T), clocks };
}

export function deleteRecord<T extends MergeableBase>(record: T, clock: HlcString): T {
  return updateRecord(record, { deleted: true } as Partial<Omit<T, Bookkeeping>>, clock);
}

/** The record's last change: the latest of its field clocks (the exports' `date_maj`). */
export function lastChange(record: MergeableBase): HlcString {
  return Object.values(record.clocks).reduce((latest, clock) => maxHlc(latest, clock), '');
}

/**
 * Merge two versions of one record, field by field: the later clock wins; equal clocks with different values (which
 * a correct desk never produces) are settled by comparing the values' JSON so the result is still deterministic.
 * Commutative, associative and idempotent.
 */
export function mergeRecord<T extends MergeableBase>(a: T, b: T): T {
  if (a.id !== b.id) throw new Error(`Cannot merge records ${a.id} and ${b.id}`);
  const fields = new Set([...clockedFields(a), ...clockedFields(b)]);
  const merged: Record<string, unknown> = {
    id: a.id,
    createdAt: a.createdAt <= b.createdAt ? a.createdAt : b.createdAt,
  };
  const clocks: Record<string, HlcString> = {};
  for (const field of fields) {
    const clockA = a.clocks[field] ?? '';
    const clockB = b.clocks[field] ?? '';
    const order = compareHlc(clockA, clockB) || compareJson(a[field], b[field]);
    const winner = order >= 0 ? a : b;
    merged[field] = winner[field];
    const winnerClock = winner.clocks[field];
    if (winnerClock !== undefined) clocks[field] = winnerClock;
  }
  merged.clocks = clocks;
  return merged as T;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function compareJson(a: unknown, b: unknown): number {
  const textA = JSON.stringify(a) ?? '';
  const textB = JSON.stringify(b) ?? '';
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}
