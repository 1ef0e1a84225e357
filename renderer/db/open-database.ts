import { DeskDatabase } from './database';
import { RESTORE_STATE_KEY } from './snapshot-restore-marker';

/**
 * Opens the app's one database. The browser may evict non-persistent storage under pressure: ask for persistent
 * storage (https://web.dev/articles/persistent-storage). Electron grants it; a browser may say no, which is reported
 * rather than fatal.
 */
export async function openDatabase(name?: string): Promise<{ db: DeskDatabase; persisted: boolean }> {
  const db = new DeskDatabase(name);
  await db.open();
  // Before anything reads the store: a restore interrupted by a crash or a closed window is undone (issue 11). Its
  // code loads only then: one small read at every start.
  if (await db.uiPreferences.get(RESTORE_STATE_KEY)) {
    const { recoverInterruptedRestore } = await import('./snapshot-restore');
    await recoverInterruptedRestore(db);
  }
  return { db, persisted: await requestPersistence() };
}

async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
