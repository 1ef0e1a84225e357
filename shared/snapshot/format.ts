import { z } from 'zod';
import { isoInstantSchema } from '../records/record';
import { SHARED_TABLE_NAMES, type SharedTableName } from '../domain/tables';

/**
 * The snapshot file format (docs/snapshot.md; architecture.md, rule 8): a ZIP holding `manifest.json` first, then
 * one `<table>.ndjson` per shared table in `SHARED_TABLE_NAMES` order, one record per line, sorted by the table's key.
 */
export const SNAPSHOT_FORMAT = 'desk-climat-snapshot';
/** The version this code writes. Older versions are migrated on read (./migrations.ts); newer ones are refused. */
export const SNAPSHOT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const SNAPSHOT_MEDIA_TYPE = 'application/zip';
export const SNAPSHOT_EXTENSION = 'zip';

export const tableEntryName = (table: string): string => `${table}.ndjson`;

/** Only the fields every version has, to tell a foreign or newer file from a damaged one before anything else. */
export const manifestHeaderSchema = z.object({
  format: z.string(),
  version: z.number().int().nonnegative(),
});

export const manifestSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  /** The desk (installation) that wrote the snapshot; never adopted by the desk that restores it (rule 7). */
  deskId: z.string().min(1).max(100),
  createdAt: isoInstantSchema,
  counts: z.object(
    Object.fromEntries(SHARED_TABLE_NAMES.map((table) => [table, z.number().int().nonnegative()])) as Record<
      SharedTableName,
      z.ZodNumber
    >,
  ),
});
export type SnapshotManifest = z.infer<typeof manifestSchema>;
export type SnapshotCounts = SnapshotManifest['counts'];

/** Sort order of keys inside a table file: JavaScript string order (UTF-16 code units), which is IndexedDB's. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
