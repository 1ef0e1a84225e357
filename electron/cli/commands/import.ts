import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import {
  analyseImport,
  AUTOMATIC_RESOLUTIONS,
  checkMapping,
  importAuditEntry,
  importMessage,
  importReport,
  isImportFileError,
  mappingFileSchema,
  mappingFromFile,
  planImport,
  proposeMapping,
  readCsvFile,
  type ImportMapping,
  type ParsedCsv,
} from '../../../shared/import';
import { withAddedRecords } from '../../../shared/import/overlay-source';
import { createHlcClock, maxHlc } from '../../../shared/records/hlc';
import { lastChange } from '../../../shared/records/record';
import { createSnapshotSource, isSnapshotError, validateSnapshot, writeSnapshot } from '../../../shared/snapshot';
import { isUsage, nowArgument, parseCommandArgs, type Usage } from '../arguments';
import { reportMissingFile, partialPath } from '../files';
import { bilingual, type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, reportInvalidSnapshot } from '../io';

/**
 * `desk import <snapshot> <file.csv> [--mapping map.json] --out <snapshot> --report report.json` (issue #10): the
 * import pipeline of shared/import in automatic mode (duplicates skipped, rows with field errors imported without
 * the faulty fields) over a snapshot, written as a new snapshot. The CSV and the snapshot are read and checked in
 * full before anything is written; the outputs go to temporary files renamed only once both are complete, so a file
 * that cannot be read, or any failure, leaves nothing behind.
 */

export const IMPORT_USAGE_FR =
  '  import <sauvegarde.zip> <fichier.csv> [--mapping correspondance.json] [--now ISO] [--desk ID] [--fix-all-caps] --out <nouvelle.zip> --report <rapport.json>\n' +
  '                                                                     importe une liste d’inscriptions (doublons ignorés)';
export const IMPORT_USAGE_EN =
  '  import <snapshot.zip> <file.csv> [--mapping map.json] [--now ISO] [--desk ID] [--fix-all-caps] --out <new.zip> --report <report.json>\n' +
  '                                                                     imports a sign-up list (duplicates skipped)';

export interface ImportCommand {
  readonly snapshot: string;
  readonly csv: string;
  readonly mapping: string | null;
  readonly out: string;
  readonly report: string;
  /** ISO instant of the import: ages and consent dates use its Paris date. */
  readonly now: string;
  /** The desk id the new records' clocks carry. */
  readonly deskId: string;
  readonly fixAllCaps: boolean;
}

const DEFAULT_DESK = 'desk-cli';

/** The arguments of `desk import`, or what is wrong with them (French and English). */
export function parseImportArgs(args: readonly string[]): ImportCommand | Usage {
  const { values, positionals } = parseCommandArgs(args, {
    mapping: { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    now: { type: 'string' },
    desk: { type: 'string' },
    'fix-all-caps': { type: 'boolean' },
  });
  if (positionals.length !== 2 || !values.out || !values.report) {
    return {
      fr: 'import attend une sauvegarde, un fichier CSV, --out et --report.',
      en: 'import expects a snapshot, a CSV file, --out and --report.',
    };
  }
  const now = nowArgument(values.now);
  if (isUsage(now)) return now;
  return {
    snapshot: positionals[0] as string,
    csv: positionals[1] as string,
    mapping: values.mapping ?? null,
    out: values.out,
    report: values.report,
    now: new Date(now).toISOString(),
    deskId: values.desk ?? DEFAULT_DESK,
    fixAllCaps: values['fix-all-caps'] ?? false,
  };
}

export async function runImport(command: ImportCommand, io: CliIo): Promise<number> {
  const inputs = [command.snapshot, command.csv, ...(command.mapping ? [command.mapping] : [])];
  if (await reportMissingFile(inputs, io)) return EXIT_USAGE;

  let parsed: ParsedCsv;
  try {
    parsed = readCsvFile(new Uint8Array(await readFile(command.csv)));
  } catch (error) {
    if (!isImportFileError(error)) throw error;
    bilingual(
      io.err,
      `Fichier illisible : ${command.csv}\n  ${error.fr}`,
      `Unreadable file: ${command.csv}\n  ${error.en}`,
    );
    io.err(`  [${error.code}]`);
    return EXIT_INVALID;
  }
  if (parsed.fellBackToWindows1252) {
    bilingual(io.out, importMessage('decoded_as_windows_1252', 'fr'), importMessage('decoded_as_windows_1252', 'en'));
  }

  const mapping = await readMapping(command.mapping, parsed.header, io);
  if (!mapping) return EXIT_INVALID;

  const open = () => createReadStream(command.snapshot, { highWaterMark: 256 * 1024 });
  try {
    await validateSnapshot(open());
  } catch (error) {
    if (!isSnapshotError(error)) throw error;
    reportInvalidSnapshot(command.snapshot, error, io);
    return EXIT_INVALID;
  }
  const source = createSnapshotSource(open);
  const volunteers = [];
  const takenRefs = new Set<string>();
  let latestClock = '';
  for await (const volunteer of source.records('volunteers')) {
    volunteers.push(volunteer);
    takenRefs.add(volunteer.ref);
    latestClock = maxHlc(latestClock, lastChange(volunteer));
  }
  // An erased person's replacement reference is taken too (it labels their anonymous past participations).
  for await (const erasure of source.records('erasures')) takenRefs.add(erasure.replacementRef);

  const today = parisLocalDate(command.now);
  const nowMs = Date.parse(command.now);
  const preview = analyseImport(parsed, mapping, volunteers, { today, fixAllCaps: command.fixAllCaps });
  const plan = planImport(preview, AUTOMATIC_RESOLUTIONS, {
    // New clocks come after every clock of the volunteers read, so a merge's fields win over what they replace.
    clock: createHlcClock(command.deskId, () => nowMs, latestClock === '' ? undefined : latestClock),
    newId: randomUUID,
    now: command.now,
    takenRefs,
  });
  const audit = importAuditEntry(plan, {
    id: randomUUID(),
    at: command.now,
    deskId: command.deskId,
    operator: 'desk import',
    fileName: basename(command.csv),
  });
  const result = withAddedRecords(source, {
    volunteers: plan.volunteers,
    consents: plan.consents,
    auditLog: [audit],
  });
  const report = importReport(basename(command.csv), preview, plan);

  const snapshotTemporary = partialPath(command.out);
  const reportTemporary = partialPath(command.report);
  try {
    await pipeline(
      Readable.from(writeSnapshot(result, { deskId: command.deskId, createdAt: command.now })),
      createWriteStream(snapshotTemporary, { flags: 'wx' }),
    );
    await writeFile(reportTemporary, `${JSON.stringify(report, null, 2)}\n`, { flag: 'wx' });
    await rename(snapshotTemporary, command.out);
    await rename(reportTemporary, command.report);
  } catch (error) {
    await rm(snapshotTemporary, { force: true });
    await rm(reportTemporary, { force: true });
    throw error;
  }

  const { summary } = plan;
  bilingual(
    io.out,
    `Import de ${command.csv} dans ${command.out} : ${summary.rows} lignes, ${summary.created} créées, ${summary.merged} fusionnées, ${summary.skipped} ignorées (${summary.duplicates} doublons, ${summary.withoutName} sans nom), ${summary.fieldErrors} champs erronés non importés, ${summary.warnings} avertissements. Rapport : ${command.report}`,
    `Imported ${command.csv} into ${command.out}: ${summary.rows} rows, ${summary.created} created, ${summary.merged} merged, ${summary.skipped} skipped (${summary.duplicates} duplicates, ${summary.withoutName} without a name), ${summary.fieldErrors} faulty fields left out, ${summary.warnings} warnings. Report: ${command.report}`,
  );
  return EXIT_OK;
}

/** The mapping of `--mapping`, else the proposal; null (reported) when it cannot be used. */
async function readMapping(path: string | null, header: readonly string[], io: CliIo): Promise<ImportMapping | null> {
  let mapping = proposeMapping(header);
  if (path) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      bilingual(io.err, `Correspondance illisible (JSON) : ${path}`, `Unreadable mapping (JSON): ${path}`);
      return null;
    }
    const file = mappingFileSchema.safeParse(raw);
    if (!file.success) {
      bilingual(
        io.err,
        `Correspondance invalide : ${path} (attendu { "columns": [...] } ou { "headers": {...} })`,
        `Invalid mapping: ${path} (expected { "columns": [...] } or { "headers": {...} })`,
      );
      return null;
    }
    const fromFile = mappingFromFile(file.data, header);
    if (!fromFile.ok) {
      const values = { header: fromFile.header ?? '' };
      bilingual(io.err, importMessage(fromFile.error, 'fr', values), importMessage(fromFile.error, 'en', values));
      return null;
    }
    mapping = fromFile.mapping;
  }
  const check = checkMapping(mapping, header);
  if (!check.ok) {
    const values = { field: check.field ?? '', count: header.length };
    bilingual(io.err, importMessage(check.error, 'fr', values), importMessage(check.error, 'en', values));
    return null;
  }
  return mapping;
}
