/**
 * Migrations of older snapshot versions, applied while reading (architecture.md, rule 8: "older versions migrate on
 * read"). Each entry upgrades a file of version `n` to `n + 1`: its manifest once, then every raw record before the
 * current zod schemas check it. Version 1 is the first published version, so the registry is empty for now; the
 * mechanism is exercised by a test with a made-up version 0.
 */
export interface SnapshotMigration {
  /** Upgrade the raw manifest (still unvalidated JSON) to the next version, including its `version` field. */
  manifest(raw: Record<string, unknown>): Record<string, unknown>;
  /** The table name this version's file holds, in the next version (tables may be renamed). */
  table?(name: string): string;
  /** Upgrade one raw record of a table (named as in the older version). */
  record(table: string, raw: unknown): unknown;
}

export type SnapshotMigrations = Readonly<Record<number, SnapshotMigration>>;

export const SNAPSHOT_MIGRATIONS: SnapshotMigrations = {};

/** The chain that brings `version` to `target`, or null when a step is missing. */
export function migrationChain(
  migrations: SnapshotMigrations,
  version: number,
  target: number,
): SnapshotMigration[] | null {
  const chain: SnapshotMigration[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) return null;
    chain.push(step);
  }
  return chain;
}
