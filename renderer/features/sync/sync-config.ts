import type { DeskDatabase } from '../../db/database';

/**
 * The desk-local sync configuration (issue 14): kept in the `syncState` table, which is never in a snapshot and never
 * synced, so a server address or a user name never travels with the shared records. The password is not here: main
 * keeps it with safeStorage in the desktop app; a browser asks for it again after each start.
 */
export interface SyncConfig {
  readonly server: string;
  readonly database: string;
  readonly user: string;
  readonly enabled: boolean;
}

export interface SyncHistory {
  /** The last sync that ended without an error, per target key. */
  readonly lastSyncAt: string | null;
}

export const EMPTY_SYNC_CONFIG: SyncConfig = { server: '', database: '', user: '', enabled: false };

const CONFIG_KEY = 'sync-config';
const historyKey = (targetKey: string) => `sync-history:${targetKey}`;

export async function loadSyncConfig(db: DeskDatabase): Promise<SyncConfig> {
  const row = await db.syncState.get(CONFIG_KEY);
  const value = row?.value as Partial<SyncConfig> | undefined;
  return { ...EMPTY_SYNC_CONFIG, ...value };
}

export async function saveSyncConfig(db: DeskDatabase, config: SyncConfig): Promise<void> {
  await db.syncState.put({ key: CONFIG_KEY, value: { ...config } });
}

export async function loadSyncHistory(db: DeskDatabase, targetKey: string): Promise<SyncHistory> {
  const row = await db.syncState.get(historyKey(targetKey));
  return (row?.value as SyncHistory | undefined) ?? { lastSyncAt: null };
}

export async function saveSyncHistory(db: DeskDatabase, targetKey: string, history: SyncHistory): Promise<void> {
  await db.syncState.put({ key: historyKey(targetKey), value: { ...history } });
}
