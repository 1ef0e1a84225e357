/**
 * How far a schema upgrade has got, for the start-up notice (renderer/app/slow-open-notice.ts). Version 4's upgrade
 * reads every sign-up once: at city scale (500,000 sign-ups) that is about a minute on the 2-core reference machine,
 * before anything else can show. A plain listener set, because the upgrade runs inside Dexie's open, before the app
 * and its React tree exist.
 */
type Listener = (rowsRead: number) => void;

const listeners = new Set<Listener>();

/** Called by an upgrade as it reads: `rowsRead` so far. */
export function reportUpgradeProgress(rowsRead: number): void {
  for (const listener of listeners) listener(rowsRead);
}

/** Listens until the returned function is called. */
export function onUpgradeProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
