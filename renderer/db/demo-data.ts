import type { DeskDatabase } from './database';
import type { DeskContext } from './desk-context';

/** Demo data: the seed generator of shared/seed at a small scale, written in batches (wired when it lands). */
export async function loadDemoData(_db: DeskDatabase, _desk: DeskContext): Promise<void> {
  throw new Error('Demo data is not available yet');
}
