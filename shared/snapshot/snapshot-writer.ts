import { Zip, ZipDeflate } from 'fflate';
import { SHARED_TABLES, SHARED_TABLE_NAMES, type SharedTableName } from '../domain/tables';
import type { RecordSource } from '../storage/ports';
import { snapshotError } from './errors';
import {
  compareKeys,
  MANIFEST_ENTRY,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  tableEntryName,
  type SnapshotCounts,
  type SnapshotManifest,
} from './format';

/**
 * Write a snapshot from a record source as a stream of ZIP bytes (architecture.md, rule 8): each table is serialised
 * line by line into a deflate stream, and the bytes come out as the consumer pulls them, so the consumer's pace
 * (a file, a Blob being built) bounds the memory. Entries carry a fixed time (the snapshot's creation date, at noon)
 * so that the same records, desk and time always give the same bytes.
 */

export interface WriteSnapshotOptions {
  readonly deskId: string;
  /** ISO instant recorded in the manifest; also the entries' date. */
  readonly createdAt: string;
  /** Deflate level, 0–9 (default 6, fflate's default). Part of what makes the output byte-identical. */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Called after each table with the records written so far, for progress bars. */
  readonly onRecords?: (table: SharedTableName, done: number, total: number) => void;
}

/** Text accumulated before it is encoded and compressed: large enough to amortise the calls, small in memory. */
const TEXT_BUFFER_CHARACTERS = 256 * 1024;
/** Without ZIP64 (which fflate does not write), sizes and offsets are 32-bit. */
const ZIP32_LIMIT = 0xffffffff;
const PROGRESS_EVERY = 10_000;

export async function* writeSnapshot(
  source: RecordSource,
  options: WriteSnapshotOptions,
): AsyncGenerator<Uint8Array, SnapshotManifest, undefined> {
  const counts = {} as SnapshotCounts;
  let total = 0;
  for (const table of SHARED_TABLE_NAMES) {
    counts[table] = await source.count(table);
    total += counts[table];
  }
  const manifest: SnapshotManifest = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    deskId: options.deskId,
    createdAt: options.createdAt,
    counts,
  };
  const mtime = entryTime(options.createdAt);
  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      written += chunk.length;
      output.push(chunk);
    }
  });
  const drain = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    if (written > ZIP32_LIMIT) throw tooLarge();
    for (const chunk of output.splice(0)) yield chunk;
  };
  const encoder = new TextEncoder();
  const entry = (name: string): ZipDeflate => {
    const file = new ZipDeflate(name, { level: options.level ?? 6 });
    file.mtime = mtime;
    zip.add(file);
    return file;
  };

  const manifestFile = entry(MANIFEST_ENTRY);
  manifestFile.push(encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
  yield* drain();

  let done = 0;
  for (const table of SHARED_TABLE_NAMES) {
    const file = entry(tableEntryName(table));
    const key = SHARED_TABLES[table].key;
    let text = '';
    let size = 0;
    let lines = 0;
    let previousKey: string | null = null;
    for await (const record of source.records(table)) {
      const id = (record as Record<string, unknown>)[key] as string;
      if (previousKey !== null && compareKeys(previousKey, id) >= 0) {
        throw snapshotError(
          'unsorted',
          `La source ne donne pas la table dans l'ordre des identifiants (${id} après ${previousKey}).`,
          `The source does not give the table in id order (${id} after ${previousKey}).`,
          { table },
        );
      }
      previousKey = id;
      text += `${JSON.stringify(record)}\n`;
      lines++;
      if (text.length >= TEXT_BUFFER_CHARACTERS) {
        const bytes = encoder.encode(text);
        size += bytes.length;
        if (size > ZIP32_LIMIT) throw tooLarge();
        file.push(bytes);
        text = '';
        yield* drain();
      }
      if (++done % PROGRESS_EVERY === 0) options.onRecords?.(table, done, total);
    }
    const bytes = encoder.encode(text);
    if (size + bytes.length > ZIP32_LIMIT) throw tooLarge();
    file.push(bytes, true);
    yield* drain();
    if (lines !== counts[table]) {
      throw snapshotError(
        'source-changed',
        `La table a changé pendant l'écriture (${counts[table]} annoncés, ${lines} lus) : recommencez.`,
        `The table changed while it was written (${counts[table]} announced, ${lines} read): try again.`,
        { table },
      );
    }
    options.onRecords?.(table, done, total);
  }
  zip.end();
  yield* drain();
  return manifest;
}

function tooLarge() {
  return snapshotError(
    'too-large',
    'Sauvegarde trop volumineuse pour le format ZIP sans ZIP64 (plus de 4 Gio).',
    'Snapshot too large for ZIP without ZIP64 (over 4 GiB).',
  );
}

/**
 * The entries' modification time. ZIP stores a zone-less local date and time, which fflate takes from the `Date`'s
 * local fields; building the `Date` from local fields makes the bytes the same in every time zone. Noon avoids the
 * hours that daylight-saving changes skip in some zones.
 */
function entryTime(createdAt: string): Date {
  const instant = new Date(createdAt);
  const year = Math.min(Math.max(instant.getUTCFullYear(), 1980), 2099);
  return new Date(year, instant.getUTCMonth(), instant.getUTCDate(), 12, 0, 0);
}
