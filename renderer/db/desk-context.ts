import { createHlcClock, maxHlc, type HlcClock } from '../../shared/records/hlc';
import type { DeskDatabase, DeskRow } from './database';

/**
 * This installation's identity and clock. The desk id is created once per installation and never taken from a
 * restored backup (architecture.md, rule 7). The clock's last value is saved with every write so that clocks keep
 * increasing across restarts even if the computer's clock goes back.
 */
export interface DeskContext {
  readonly deskId: string;
  readonly clock: HlcClock;
  /** The operator's name, recorded with every action (product.md, "Event desk"); empty until someone gives it. */
  readonly operator: string;
  setOperator(name: string): void;
  readonly now: () => Date;
  readonly newId: () => string;
}

export async function loadDeskContext(
  db: DeskDatabase,
  options: { now?: () => Date; newId?: () => string } = {},
): Promise<DeskContext> {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const row = await db.transaction('rw', db.desk, async () => {
    const existing = await db.desk.get('desk');
    if (existing) return existing;
    const created: DeskRow = { key: 'desk', deskId: newId(), createdAt: now().toISOString(), lastClock: null };
    await db.desk.add(created);
    return created;
  });
  const clock = createHlcClock(row.deskId, () => now().getTime(), row.lastClock ?? undefined);
  let operator = '';
  return {
    deskId: row.deskId,
    clock,
    get operator() {
      return operator;
    },
    setOperator(name: string) {
      operator = name.trim();
    },
    now,
    newId,
  };
}

/** Call inside a write transaction that includes `db.desk`: remembers the clock's latest value. */
export async function saveClock(db: DeskDatabase, clockValue: string): Promise<void> {
  const row = await db.desk.get('desk');
  if (!row) return;
  const lastClock = row.lastClock ? maxHlc(row.lastClock, clockValue) : clockValue;
  await db.desk.update('desk', { lastClock });
}
