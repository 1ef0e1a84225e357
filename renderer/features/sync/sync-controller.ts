// Direct modules, not shared/sync's index: the shell's status line loads this at start-up, and the replicator itself
// (with the Worker that runs it, db/sync-worker-io.ts) is fetched only when a sync runs (issue #12: nothing on
// start-up that can wait).
import { syncTargetKey, type CouchTarget, type FetchLike } from '../../../shared/sync/couch-client';
import { isSyncError, type SyncErrorCode } from '../../../shared/sync/errors';
import type { SyncProgress, SyncSummary } from '../../../shared/sync/replicator';
import type { DeskDatabase } from '../../db/database';
import type { DeskContext } from '../../db/desk-context';
import { countPendingChanges } from './pending-changes';
import { loadSyncConfig, loadSyncHistory, saveSyncConfig, saveSyncHistory, type SyncConfig } from './sync-config';

/**
 * The app's sync (issue 14), UI-free so that it is tested over a real Dexie and a real CouchDB-compatible server:
 * the configuration, "sync now", a sync every few minutes while it is on, and a status the shell shows. One sync at a
 * time; a failure leaves local data as it was (the replicator stops between batches) and is kept as a plain message.
 */

export const SYNC_INTERVAL_MS = 5 * 60_000;

export interface SyncStatus {
  readonly config: SyncConfig;
  readonly running: boolean;
  /** While running: the phase and how many documents went through (the first download shows it as progress). */
  readonly progress: SyncProgress | null;
  readonly lastSyncAt: string | null;
  /** Local changes the next sync sends; null until counted. */
  readonly pending: number | null;
  readonly error: SyncErrorCode | 'unexpected' | null;
  /** A browser forgets the password at each start; with a user set, sync waits until it is typed again. */
  readonly needsPassword: boolean;
  readonly lastSummary: SyncSummary | null;
  /** Shifts left over capacity by two desks giving the last places offline: open review items, shown in Settings. */
  readonly overbookedShiftIds: readonly string[];
  /** The system says there is no network (`navigator.onLine`): no attempt is made until it comes back. */
  readonly offline: boolean;
}

/** Whether the system has a network, and when that changes (the browser's `online`/`offline` events). */
export interface NetworkStatus {
  isOnline(): boolean;
  subscribe(onChange: () => void): () => void;
}

export interface SyncControllerDeps {
  readonly db: DeskDatabase;
  readonly desk: DeskContext;
  readonly fetch: FetchLike;
  /**
   * Electron: main keeps the password and adds the credentials itself (`password: 'main'`); a browser keeps it in
   * memory only (`'memory'`).
   */
  readonly passwordKeeper: 'main' | 'memory';
  /** Tells main the target (origin, user, password) in Electron; nothing in a browser. */
  readonly onTargetChange?: (config: SyncConfig, password: string | null) => Promise<void>;
  readonly intervalMs?: number;
  readonly timeoutMs?: number;
  /** Default: always online (tests); the app passes the browser's (sync-runtime.ts). */
  readonly network?: NetworkStatus;
  /** Run the replicator on the calling thread instead of a Worker (tests; jsdom has no Worker anyway). */
  readonly inline?: boolean;
}

export function createSyncController(deps: SyncControllerDeps) {
  const listeners = new Set<() => void>();
  let memoryPassword: string | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let current: Promise<SyncSummary | null> | null = null;
  let unsubscribeNetwork: (() => void) | null = null;
  const isOnline = () => deps.network?.isOnline() ?? true;
  let status: SyncStatus = {
    config: { server: '', database: '', user: '', enabled: false },
    running: false,
    progress: null,
    lastSyncAt: null,
    pending: null,
    error: null,
    needsPassword: false,
    lastSummary: null,
    overbookedShiftIds: [],
    offline: !isOnline(),
  };

  const update = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch };
    status = { ...status, needsPassword: needsPassword(status.config) };
    for (const listener of listeners) listener();
  };
  const needsPassword = (config: SyncConfig) =>
    deps.passwordKeeper === 'memory' && config.enabled && config.user !== '' && memoryPassword === null;
  const isConfigured = (config: SyncConfig) => config.server !== '' && config.database !== '';
  const targetKeyOf = (config: SyncConfig) => {
    try {
      return syncTargetKey(config);
    } catch {
      return null;
    }
  };

  async function refreshPending(): Promise<void> {
    const open = await deps.db.reviewItems.where('kind').equals('overbooked_shift').toArray();
    const overbookedShiftIds = open.filter((item) => item.state === 'open').flatMap((item) => item.recordIds);
    if (overbookedShiftIds.join() !== status.overbookedShiftIds.join()) update({ overbookedShiftIds });
    const key = targetKeyOf(status.config);
    if (!isConfigured(status.config) || key === null) return update({ pending: null });
    update({ pending: await countPendingChanges(deps.db, key) });
  }

  function schedule(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
    if (!status.config.enabled) return;
    timer = setInterval(() => void controller.syncNow(), deps.intervalMs ?? SYNC_INTERVAL_MS);
  }

  async function run(): Promise<SyncSummary | null> {
    const config = status.config;
    const key = targetKeyOf(config);
    if (!config.enabled || !isConfigured(config) || key === null) return null;
    if (needsPassword(config)) {
      update({});
      return null;
    }
    // Offline: no request at all (it could only fail); the 'online' event starts a sync when the network is back.
    if (!isOnline()) {
      update({ offline: true });
      return null;
    }
    const target: CouchTarget = {
      server: config.server,
      database: config.database,
      ...(config.user === '' ? {} : { user: config.user, password: memoryPassword ?? '' }),
    };
    update({ running: true, progress: { phase: 'checking', count: 0 }, offline: false });
    try {
      // In a Worker (the first download of a big database must leave the page responsive), inline in tests.
      const { runSync } = await import('../../db/sync-worker-io');
      const summary = await runSync(
        deps.db,
        {
          target,
          deskId: deps.desk.deskId,
          ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
        },
        {
          fetch: deps.fetch,
          observeClock: (clock) => deps.desk.clock.observe(clock),
          onProgress: (progress) => update({ progress }),
          ...(deps.inline ? { inline: true } : {}),
        },
      );
      const lastSyncAt = deps.desk.now().toISOString();
      await saveSyncHistory(deps.db, key, { lastSyncAt });
      update({ running: false, progress: null, error: null, lastSyncAt, lastSummary: summary });
      await refreshPending();
      return summary;
    } catch (error) {
      update({ running: false, progress: null, error: isSyncError(error) ? error.code : 'unexpected' });
      if (!isSyncError(error)) console.error('Sync failed', error);
      await refreshPending();
      return null;
    }
  }

  const controller = {
    getStatus: () => status,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Reads the saved configuration, counts pending changes, and starts the periodic sync if it is on. */
    async start(): Promise<void> {
      unsubscribeNetwork?.();
      unsubscribeNetwork =
        deps.network?.subscribe(() => {
          const offline = !isOnline();
          update({ offline });
          // Back online: sync at once rather than at the next tick of the timer.
          if (!offline && status.config.enabled) void controller.syncNow();
        }) ?? null;
      const config = await loadSyncConfig(deps.db);
      const key = targetKeyOf(config);
      const history = key === null ? { lastSyncAt: null } : await loadSyncHistory(deps.db, key);
      update({ config, lastSyncAt: history.lastSyncAt });
      schedule();
      await refreshPending();
      if (config.enabled) void controller.syncNow();
    },
    stop(): void {
      if (timer !== null) clearInterval(timer);
      timer = null;
      unsubscribeNetwork?.();
      unsubscribeNetwork = null;
    },
    /**
     * Saves a configuration. `password`: a new one, or null to keep the one known. Another server or database starts
     * from nothing (its own sync state) and never deletes local data; turning sync off only stops syncing.
     */
    async configure(config: SyncConfig, password: string | null): Promise<void> {
      const targetChanged = targetKeyOf(config) !== targetKeyOf(status.config) || config.user !== status.config.user;
      if (password !== null) memoryPassword = password === '' ? null : password;
      else if (targetChanged) memoryPassword = null;
      await saveSyncConfig(deps.db, config);
      await deps.onTargetChange?.(config, password);
      const key = targetKeyOf(config);
      const history = key === null ? { lastSyncAt: null } : await loadSyncHistory(deps.db, key);
      update({ config, lastSyncAt: history.lastSyncAt, error: targetChanged ? null : status.error });
      schedule();
      await refreshPending();
    },
    /** The browser's password for this session (asked again after each start). */
    setSessionPassword(password: string): void {
      memoryPassword = password;
      update({ error: null });
    },
    /** One sync; a call while one runs joins it. Returns null when it failed or could not start. */
    syncNow(): Promise<SyncSummary | null> {
      if (current) return current;
      current = run().finally(() => {
        current = null;
      });
      return current;
    },
    refreshPending,
  };
  return controller;
}

export type SyncController = ReturnType<typeof createSyncController>;
