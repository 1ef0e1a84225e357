import { SHARED_TABLES, SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { canonicalJson, keyOf } from '../merge/dataset';
import { hash128 } from '../merge/stable-id';

/**
 * One CouchDB document per shared record (issue 14): `_id` = `<table>:<key>`, the record with its field clocks under
 * `record`, so no record field can clash with CouchDB's own `_` fields. Records are never deleted on the server:
 * a deletion is the record's clocked `deleted` field, like in a snapshot.
 */
export interface RecordDoc<T extends SharedTableName = SharedTableName> {
  readonly _id: string;
  readonly _rev?: string;
  readonly _deleted?: boolean;
  readonly _conflicts?: readonly string[];
  readonly table: T;
  readonly record: SharedRecord<T>;
}

export function docIdOf(table: SharedTableName, record: unknown): string {
  return `${table}:${keyOf(table, record)}`;
}

/** The table a document id names, or null for anything else in the database (design documents, other apps). */
export function tableOfDocId(docId: string): SharedTableName | null {
  const table = docId.slice(0, docId.indexOf(':'));
  return (SHARED_TABLE_NAMES as readonly string[]).includes(table) ? (table as SharedTableName) : null;
}

export function toDoc<T extends SharedTableName>(table: T, record: SharedRecord<T>, rev?: string): RecordDoc<T> {
  const doc = { _id: docIdOf(table, record), table, record };
  return rev === undefined ? doc : { ...doc, _rev: rev };
}

export type ParsedDoc =
  | { readonly ok: true; readonly table: SharedTableName; readonly record: SharedRecord<SharedTableName> }
  | { readonly ok: false; readonly reason: string };

/**
 * A document from the server, checked against the table's schema: another desk's bug or a hand edit on the server
 * must not reach the store. The id must match the record's key, so a document cannot overwrite another record.
 */
export function parseDoc(doc: unknown): ParsedDoc {
  if (doc === null || typeof doc !== 'object') return { ok: false, reason: 'not an object' };
  const { _id: id, table, record } = doc as { _id?: unknown; table?: unknown; record?: unknown };
  if (typeof id !== 'string') return { ok: false, reason: 'no _id' };
  const expected = tableOfDocId(id);
  if (expected === null || table !== expected) return { ok: false, reason: `unknown table in ${id}` };
  const parsed = SHARED_TABLES[expected].schema.safeParse(record);
  if (!parsed.success) return { ok: false, reason: `${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  if (docIdOf(expected, parsed.data) !== id) return { ok: false, reason: `${id}: key does not match` };
  // zod drops unknown keys and keeps the schema's order: the record as the store would hold it.
  return { ok: true, table: expected, record: record as SharedRecord<SharedTableName> };
}

/** A short fingerprint of a record's content, whatever the order of its fields: did it change since the last sync? */
export function digestOf(record: unknown): string {
  return hash128(canonicalJson(record))
    .map((word) => word.toString(36))
    .join('.');
}
