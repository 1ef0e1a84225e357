import type { Table } from 'dexie';
import type { DeskDatabase } from './database';
import { saveClock, type DeskContext } from './desk-context';

/**
 * One write transaction of a repository: the tables it writes plus the desk row, a clock that hands out increasing
 * hybrid-logical-clock values, and the clock's latest value saved before the transaction commits. Any error rolls
 * the whole transaction back: nothing half-written (product.md, "nothing is lost").
 */
export function writeTransaction<T>(
  db: DeskDatabase,
  desk: DeskContext,
  tables: Table[],
  work: (tick: () => string) => Promise<T>,
): Promise<T> {
  return db.transaction('rw', [...tables, db.desk], async () => {
    let last: string | null = null;
    const tick = () => (last = desk.clock.next());
    const result = await work(tick);
    if (last !== null) await saveClock(db, last);
    return result;
  });
}
