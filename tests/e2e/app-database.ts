import type { Page } from 'playwright-core';

/*
 * The app's IndexedDB read and written straight from the page, through a second connection and not through the app's
 * code: specs seed records as another part of the app would have written them, and check what was really stored.
 */

/** Puts `rows` into each named table in one transaction (a row with an existing key replaces it). */
export async function putRows(page: Page, tables: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('desk-climat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(Object.keys(tables), 'readwrite');
    for (const [name, rows] of Object.entries(tables)) for (const row of rows) tx.objectStore(name).put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, tables);
}

/** Every row of one table, in key order. */
export async function tableRows<T>(page: Page, table: string): Promise<T[]> {
  return (await readTables(page, [table]))[table] as T[];
}

/** Every row of the named tables (all the database's tables when none are named), each in key order. */
export async function readTables(page: Page, tables?: readonly string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (tables) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('desk-climat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const result: Record<string, unknown[]> = {};
    for (const name of tables ?? Array.from(db.objectStoreNames)) {
      result[name] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    return result;
  }, tables);
}
