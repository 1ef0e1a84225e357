import { type z } from 'zod';
import { SHARED_TABLES, SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { snapshotError, type SnapshotError } from './errors';
import {
  compareKeys,
  manifestHeaderSchema,
  manifestSchema,
  MANIFEST_ENTRY,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type SnapshotManifest,
} from './format';
import { migrationChain, SNAPSHOT_MIGRATIONS, type SnapshotMigration, type SnapshotMigrations } from './migrations';
import { readZip } from './zip-reader';

/**
 * Read a snapshot record by record from a byte stream (architecture.md, rule 8): nothing larger than one decompressed
 * chunk and one batch of records is held at once, so a city-scale file whose tables exceed what one string can hold
 * reads in bounded memory. Every record is checked with its table's zod schema as it streams, every table's order,
 * uniqueness and count are checked, and any problem stops the reading with a `SnapshotError` that names the table,
 * the line and the field. Consumers that write must therefore read twice (validate, then write) or stage their
 * writes: an error can come after many good batches.
 */

export type SnapshotReadEvent =
  | { readonly type: 'manifest'; readonly manifest: SnapshotManifest; readonly migratedFrom: number | null }
  | {
      readonly type: 'records';
      readonly table: SharedTableName;
      readonly records: SharedRecord<SharedTableName>[];
      /** Line of the first record of this batch. */
      readonly firstLine: number;
    }
  | { readonly type: 'table-end'; readonly table: SharedTableName; readonly count: number };

export interface ReadSnapshotOptions {
  /** Records per `records` event (default 2,000). */
  readonly batchSize?: number;
  /** Migrations of older versions (default: the registry of ./migrations.ts). */
  readonly migrations?: SnapshotMigrations;
  /**
   * Tables whose records are wanted. The others are still decompressed and checksummed, their lines counted against
   * the manifest, but not parsed or validated (a `RecordSource` reading one table). Default: every table.
   */
  readonly tables?: readonly SharedTableName[];
  /** Inflate with the platform's `DecompressionStream` (zip-reader.ts: faster in Chromium, slower in Node). */
  readonly platformInflate?: boolean;
}

/** A line longer than this cannot be a record (the largest fields are a few kilobytes); it is refused unread. */
const MAX_LINE_CHARACTERS = 16 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;

export async function* readSnapshot(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadSnapshotOptions = {},
): AsyncGenerator<SnapshotReadEvent, SnapshotManifest, undefined> {
  const batchSize = options.batchSize ?? 2_000;
  const wanted = new Set<SharedTableName>(options.tables ?? SHARED_TABLE_NAMES);
  let manifest: SnapshotManifest | null = null;
  let chain: SnapshotMigration[] = [];
  let manifestBytes: Uint8Array[] = [];
  let manifestSize = 0;
  let table: TableReader | null = null;
  const done = new Set<SharedTableName>();
  let entries = 0;

  for await (const event of readZip(bytes, { platformInflate: options.platformInflate ?? false })) {
    if (event.type === 'entry') {
      entries++;
      if (entries === 1) {
        if (event.name !== MANIFEST_ENTRY) throw foreign();
        continue;
      }
      if (!manifest) throw foreign();
      const name = tableFromEntry(event.name, chain);
      if (!name || done.has(name)) {
        throw snapshotError(
          'unexpected-entry',
          `Fichier inattendu dans la sauvegarde : ${event.name}.`,
          `Unexpected file in the snapshot: ${event.name}.`,
        );
      }
      table = new TableReader(name, event.name.replace(/\.ndjson$/, ''), chain, wanted.has(name), batchSize);
    } else if (event.type === 'data') {
      if (!manifest) {
        manifestSize += event.bytes.length;
        if (manifestSize > MAX_MANIFEST_BYTES) throw badManifest('trop long', 'too long');
        manifestBytes.push(event.bytes);
      } else if (table) {
        yield* table.push(event.bytes);
      }
    } else if (!manifest) {
      ({ manifest, chain } = parseManifest(manifestBytes, options.migrations ?? SNAPSHOT_MIGRATIONS));
      manifestBytes = [];
      yield { type: 'manifest', manifest, migratedFrom: chain.length > 0 ? SNAPSHOT_VERSION - chain.length : null };
    } else if (table) {
      yield* table.end(manifest.counts[table.name]);
      done.add(table.name);
      yield { type: 'table-end', table: table.name, count: table.line };
      table = null;
    }
  }
  if (!manifest) throw foreign();
  for (const name of SHARED_TABLE_NAMES) {
    if (!done.has(name)) {
      throw snapshotError(
        'missing-table',
        `La table ${name} manque dans la sauvegarde.`,
        `Table ${name} is missing from the snapshot.`,
        { table: name },
      );
    }
  }
  return manifest;
}

function foreign(): SnapshotError {
  return snapshotError(
    'foreign',
    "Ce fichier n'est pas une sauvegarde Desk Climat (pas de manifest.json au début de l'archive).",
    'This file is not a Desk Climat snapshot (no manifest.json at the start of the archive).',
  );
}

function badManifest(fr: string, en: string, field?: string): SnapshotError {
  return snapshotError(
    'bad-manifest',
    `Manifeste de sauvegarde invalide : ${fr}.`,
    `Invalid snapshot manifest: ${en}.`,
    field === undefined ? {} : { field },
  );
}

function parseManifest(
  chunks: Uint8Array[],
  migrations: SnapshotMigrations,
): { manifest: SnapshotManifest; chain: SnapshotMigration[] } {
  let raw: unknown;
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    raw = JSON.parse(chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode());
  } catch {
    throw badManifest('JSON illisible', 'unreadable JSON');
  }
  const header = manifestHeaderSchema.safeParse(raw);
  if (!header.success || header.data.format !== SNAPSHOT_FORMAT) throw foreign();
  const { version } = header.data;
  if (version > SNAPSHOT_VERSION) {
    throw snapshotError(
      'newer-version',
      `Cette sauvegarde vient d'une version plus récente de Desk Climat (format ${version}, cette version lit jusqu'au format ${SNAPSHOT_VERSION}) : mettez l'application à jour.`,
      `This snapshot comes from a newer Desk Climat (format ${version}; this version reads up to format ${SNAPSHOT_VERSION}): update the app.`,
    );
  }
  const chain = migrationChain(migrations, version, SNAPSHOT_VERSION);
  if (!chain) {
    throw snapshotError(
      'older-version',
      `Le format ${version} de sauvegarde n'est plus pris en charge.`,
      `Snapshot format ${version} is no longer supported.`,
    );
  }
  let upgraded = raw as Record<string, unknown>;
  for (const step of chain) upgraded = step.manifest(upgraded);
  const parsed = manifestSchema.safeParse(upgraded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badManifest(issue?.message ?? 'invalide', issue?.message ?? 'invalid', issue?.path.join('.'));
  }
  return { manifest: parsed.data, chain };
}

/** The table a file name holds, after the renames of the migrations, or null when it holds none. */
function tableFromEntry(entry: string, chain: readonly SnapshotMigration[]): SharedTableName | null {
  const match = /^(.+)\.ndjson$/.exec(entry);
  if (!match) return null;
  let name = match[1] as string;
  for (const step of chain) name = step.table ? step.table(name) : name;
  return (SHARED_TABLE_NAMES as readonly string[]).includes(name) ? (name as SharedTableName) : null;
}

/** Splits one table's decompressed bytes into lines and turns each line into a checked record. */
class TableReader {
  line = 0;
  private pending = '';
  private previousKey: string | null = null;
  private batch: SharedRecord<SharedTableName>[] = [];
  private batchFirstLine = 1;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly schema: z.ZodType;
  private readonly key: string;

  constructor(
    readonly name: SharedTableName,
    /** The table's name in the file's own version, which its record migrations expect. */
    private readonly fileTable: string,
    private readonly chain: readonly SnapshotMigration[],
    private readonly decode: boolean,
    private readonly batchSize: number,
  ) {
    this.schema = SHARED_TABLES[name].schema;
    this.key = SHARED_TABLES[name].key;
  }

  *push(bytes: Uint8Array): Generator<SnapshotReadEvent> {
    if (!this.decode) {
      // Count lines without decoding: a newline byte never occurs inside a UTF-8 multi-byte sequence.
      let at = bytes.indexOf(10);
      while (at >= 0) {
        this.line++;
        at = bytes.indexOf(10, at + 1);
      }
      return;
    }
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      throw this.error('bad-json', "Texte qui n'est pas de l'UTF-8", 'Text that is not UTF-8', this.line + 1);
    }
    let start = 0;
    let newline = text.indexOf('\n');
    if (newline >= 0 && this.pending.length > 0) {
      const first = this.pending + text.slice(0, newline);
      this.pending = '';
      this.record(first);
      start = newline + 1;
      newline = text.indexOf('\n', start);
      if (this.batch.length >= this.batchSize) yield this.flush();
    }
    while (newline >= 0) {
      this.record(text.slice(start, newline));
      if (this.batch.length >= this.batchSize) yield this.flush();
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    if (this.pending.length + text.length - start > MAX_LINE_CHARACTERS) {
      throw this.error('line-too-long', 'Ligne trop longue', 'Line too long', this.line + 1);
    }
    this.pending += text.slice(start);
  }

  *end(expected: number): Generator<SnapshotReadEvent> {
    if (this.decode) {
      let rest: string;
      try {
        rest = this.pending + this.decoder.decode();
      } catch {
        throw this.error('bad-json', "Texte qui n'est pas de l'UTF-8", 'Text that is not UTF-8', this.line + 1);
      }
      if (rest.length > 0) {
        throw this.error(
          'truncated',
          'Dernière ligne incomplète (sans fin de ligne)',
          'Incomplete last line (no line end)',
          this.line + 1,
        );
      }
      if (this.batch.length > 0) yield this.flush();
    }
    if (this.line !== expected) {
      throw snapshotError(
        'count-mismatch',
        `La table contient ${this.line} enregistrements, le manifeste en annonce ${expected}.`,
        `The table holds ${this.line} records; the manifest announces ${expected}.`,
        { table: this.name },
      );
    }
  }

  private flush(): SnapshotReadEvent {
    const event: SnapshotReadEvent = {
      type: 'records',
      table: this.name,
      records: this.batch,
      firstLine: this.batchFirstLine,
    };
    this.batch = [];
    this.batchFirstLine = this.line + 1;
    return event;
  }

  private record(text: string): void {
    const line = ++this.line;
    if (text.length === 0) throw this.error('bad-json', 'Ligne vide', 'Empty line', line);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw this.error('bad-json', 'JSON illisible', 'Unreadable JSON', line);
    }
    for (const step of this.chain) raw = step.record(this.fileTable, raw);
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
      const [fr, en] = issueText(issue);
      throw snapshotError('invalid-record', `Enregistrement invalide : ${fr}`, `Invalid record: ${en}`, {
        table: this.name,
        line,
        ...(field === undefined ? {} : { field }),
      });
    }
    const record = parsed.data as SharedRecord<SharedTableName>;
    const key = (record as Record<string, unknown>)[this.key] as string;
    if (this.previousKey !== null) {
      const order = compareKeys(this.previousKey, key);
      if (order === 0) {
        throw this.error('duplicate', `Identifiant en double : ${key}`, `Duplicate id: ${key}`, line, this.key);
      }
      if (order > 0) {
        throw this.error(
          'unsorted',
          `Enregistrements non triés par identifiant (${key} après ${this.previousKey})`,
          `Records not sorted by id (${key} after ${this.previousKey})`,
          line,
          this.key,
        );
      }
    }
    this.previousKey = key;
    this.batch.push(record);
  }

  private error(
    code: 'bad-json' | 'truncated' | 'line-too-long' | 'duplicate' | 'unsorted',
    fr: string,
    en: string,
    line: number,
    field?: string,
  ): SnapshotError {
    return snapshotError(code, fr, en, { table: this.name, line, ...(field === undefined ? {} : { field }) });
  }
}

/**
 * A zod issue in French and in English. Zod speaks English only; the schemas' own messages are already written
 * "français / English" and are split; the common built-in issues get a French wording here.
 */
function issueText(issue: z.core.$ZodIssue | undefined): [string, string] {
  if (!issue) return ['invalide', 'invalid'];
  const [customFr, customEn] = issue.message.split(' / ');
  if (customEn !== undefined && customFr !== undefined) return [customFr, customEn];
  const french: Partial<Record<z.core.$ZodIssue['code'], string>> = {
    invalid_type: `type inattendu (${'expected' in issue ? String(issue.expected) : '?'} attendu)`,
    invalid_value: 'valeur non autorisée',
    invalid_format: 'format invalide',
    too_big: 'trop grand ou trop long',
    too_small: 'trop petit ou trop court',
    invalid_union: 'aucune forme admise ne convient',
    unrecognized_keys: 'champs inconnus',
  };
  return [french[issue.code] ?? issue.message, issue.message];
}

/** Read a whole snapshot without keeping it: its manifest when every record is valid, else a `SnapshotError`. */
export async function validateSnapshot(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadSnapshotOptions & { onRecords?: (table: SharedTableName, done: number) => void } = {},
): Promise<SnapshotManifest> {
  const reader = readSnapshot(bytes, options);
  let done = 0;
  for (;;) {
    const next = await reader.next();
    if (next.done) return next.value;
    if (next.value.type === 'records') {
      done += next.value.records.length;
      options.onRecords?.(next.value.table, done);
    }
  }
}
