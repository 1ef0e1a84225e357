import Dexie, { type Table } from 'dexie';

/**
 * The rows whose `index` holds any of `keys`, in the order Dexie's `anyOf` gives (by key, then by primary key): one
 * `getAll` per key, all issued at once in one read transaction. Dexie's `anyOf` walks a cursor instead, one round trip
 * to the database per row read; the planning's week asked for every sign-up of its shifts that way (issue #12: tens of
 * thousands of round trips for a city's week of 500 shifts).
 */
export async function rowsWithAnyOf<Row, Key, Insert>(
  // Row is the table's stored type alone (an EntityTable's insert type, with its optional key, is left aside).
  table: Table<Row, Key, Insert>,
  index: string,
  keys: readonly string[],
): Promise<Row[]> {
  // String keys sort in the database as they do in JavaScript (by UTF-16 code unit).
  const unique = [...new Set(keys)].sort();
  if (unique.length === 0) return [];
  const read = () => Promise.all(unique.map((key) => table.where(index).equals(key).toArray()));
  // Inside a caller's transaction (which must include the table), its reads join it.
  const lists = Dexie.currentTransaction ? await read() : await table.db.transaction('r', table, read);
  return lists.flat();
}
