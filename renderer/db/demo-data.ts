import type { DeskDatabase } from './database';
import type { DeskContext } from './desk-context';
import { loadDemoSeed } from './snapshot-io';

/** A few hundred people: enough to see every screen at work, small enough to load on the main thread in seconds. */
export const DEMO_VOLUNTEERS = 300;

/**
 * Demo data: the same generator as `desk seed` (shared/seed), centred on today, written in batches. The desk then
 * observes the data's clocks, so its own later edits always win over the generated values.
 */
export async function loadDemoData(db: DeskDatabase, desk: DeskContext): Promise<void> {
  const now = desk.now().toISOString();
  await loadDemoSeed(db, { volunteers: DEMO_VOLUNTEERS, now, seed: 'demo' });
  let latest = '';
  await db.volunteers.each((volunteer) => {
    for (const clock of Object.values(volunteer.clocks)) if (clock > latest) latest = clock;
  });
  if (latest) desk.clock.observe(latest);
}
