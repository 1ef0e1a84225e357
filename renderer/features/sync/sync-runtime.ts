import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Repositories } from '../../db/repositories-context';
import type { DesktopApi } from '../../lib/desktop-api';
import { createSyncController, type NetworkStatus, type SyncController, type SyncStatus } from './sync-controller';
import { createSyncFetch } from './sync-fetch';

/** One controller per database: the shell's status line and the Settings section share it (and its timer). */
const controllers = new WeakMap<object, SyncController>();

export function syncControllerFor(repositories: Repositories, desktop: DesktopApi): SyncController {
  let controller = controllers.get(repositories.db);
  if (!controller) {
    const electron = desktop.kind === 'electron';
    controller = createSyncController({
      db: repositories.db,
      desk: repositories.desk,
      fetch: createSyncFetch(desktop),
      passwordKeeper: electron ? 'main' : 'memory',
      network: browserNetwork(window),
      onTargetChange: electron
        ? async (config, password) => {
            await desktop.setTarget({ server: config.enabled ? config.server : null, user: config.user, password });
          }
        : undefined,
    });
    controllers.set(repositories.db, controller);
    void controller.start();
  }
  return controller;
}

/**
 * `navigator.onLine` and its events: false means surely offline (no network interface), so "hors ligne" is shown at
 * once and nothing is tried; true only means "maybe", and a server out of reach still shows up as the sync's error.
 */
export function browserNetwork(win: Window): NetworkStatus {
  return {
    isOnline: () => win.navigator.onLine,
    subscribe(onChange) {
      win.addEventListener('online', onChange);
      win.addEventListener('offline', onChange);
      return () => {
        win.removeEventListener('online', onChange);
        win.removeEventListener('offline', onChange);
      };
    },
  };
}

export function useSyncStatus(controller: SyncController): SyncStatus {
  return useSyncExternalStore(controller.subscribe, controller.getStatus);
}

/** The current time, refreshed every `ms` so that "il y a 5 min" stays true. */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
