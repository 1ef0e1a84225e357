import Dexie, { type Collection, type Table } from 'dexie';

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

/**
 * Every row of a table in primary-key order, a page at a time: one `getAll` per `pageSize` rows. Dexie's `each` walks
 * a cursor instead, one round trip per row: the desk's search index read a city's 50,000 volunteers that way in 7 to
 * 10 s (issue #12). Each page is its own read, so a write made between two pages may be seen or not: callers that
 * must follow writes do so from the change notifications, as the desk's index does.
 */
export async function forEachInPages<Row extends { id: string }, Insert>(
  table: Table<Row, string, Insert>,
  visit: (row: Row) => void,
  pageSize = 2_000,
): Promise<void> {
  let last: string | null = null;
  for (;;) {
    const range: Collection<Row, string, Insert> =
      last === null ? table.orderBy(':id') : table.where(':id').above(last);
    const page: Row[] = await range.limit(pageSize).toArray();
    for (const row of page) visit(row);
    const end: Row | undefined = page[page.length - 1];
    if (page.length < pageSize || !end) return;
    last = end.id;
  }
}
