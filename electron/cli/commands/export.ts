import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import {
  checkCityExportOptions,
  CityExportOptionsError,
  exportReadTables,
  prepareCityExport,
  PROFILES,
  TABLE_NAMES,
  writeCityExportZip,
  type ExportProfile,
} from '../../../shared/export';
import { isSnapshotError } from '../../../shared/snapshot';
import { createSequentialSnapshotSource } from './export-source';
import { isUsage, nowArgument, parseCommandArgs, type Usage } from '../arguments';
import { reportMissingFile, writeFileWhole } from '../files';
import { bilingual, type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, reportInvalidSnapshot } from '../io';

/**
 * `desk export`: the city export (city-export.md) of a snapshot, through the same pipeline as the Exports screen
 * (architecture.md, rule 9). The snapshot is read as a `RecordSource`, table by table; the zip streams to a
 * temporary file beside the target, renamed over it only once complete, so a failed run leaves no half file.
 *
 * Settings are desk-local and not in a snapshot: the association's name, RNA and SIRET come from options.
 */

export interface ExportCommand {
  readonly snapshot: string;
  readonly from: string;
  readonly to: string;
  readonly profile: ExportProfile;
  readonly named: boolean;
  readonly reason: string | null;
  /** A file, or an existing folder where the contract's file name is used. */
  readonly out: string;
  readonly associationName: string;
  readonly rna: string | null;
  readonly siret: string | null;
  /** Generation time (ISO instant), for reproducible runs; default now. */
  readonly now: string;
}

export const EXPORT_USAGE_FR =
  '  export <sauvegarde.zip> --from aaaa-mm-jj --to aaaa-mm-jj --profile excel-fr|open-data [--named --reason "…"]\n' +
  '         [--association "Nom"] [--rna W…] [--siret …] [--now ISO] --out <fichier.zip|dossier>   export pour la Ville';
export const EXPORT_USAGE_EN =
  '  export <snapshot.zip> --from yyyy-MM-dd --to yyyy-MM-dd --profile excel-fr|open-data [--named --reason "…"]\n' +
  '         [--association "Name"] [--rna W…] [--siret …] [--now ISO] --out <file.zip|folder>     export for the City';

const PLACEHOLDER_ASSOCIATION = 'Association non renseignée';

/** Parse `export`'s arguments: the command, or what is wrong with them (French and English). */
export function parseExportArgs(args: readonly string[]): ExportCommand | Usage {
  const { values, positionals } = parseCommandArgs(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    profile: { type: 'string' },
    named: { type: 'boolean', default: false },
    reason: { type: 'string' },
    out: { type: 'string' },
    association: { type: 'string' },
    rna: { type: 'string' },
    siret: { type: 'string' },
    now: { type: 'string' },
  });
  if (positionals.length !== 1) return { fr: 'export attend une sauvegarde.', en: 'export expects one snapshot.' };
  if (!values.from || !values.to) return { fr: 'export attend --from et --to.', en: 'export expects --from and --to.' };
  if (!values.out) return { fr: 'export attend --out <fichier.zip>.', en: 'export expects --out <file.zip>.' };
  const profile = values.profile ?? 'excel-fr';
  if (!(PROFILES as readonly string[]).includes(profile)) {
    return {
      fr: `--profile : excel-fr ou open-data (reçu ${profile}).`,
      en: `--profile: excel-fr or open-data (got ${profile}).`,
    };
  }
  if (values.reason !== undefined && !values.named) {
    return { fr: '--reason ne sert qu’avec --named.', en: '--reason only goes with --named.' };
  }
  if (values.rna !== undefined && !/^W\d{9}$/.test(values.rna)) {
    return { fr: '--rna : W suivi de 9 chiffres.', en: '--rna: W followed by 9 digits.' };
  }
  if (values.siret !== undefined && !/^\d{14}$/.test(values.siret)) {
    return { fr: '--siret : 14 chiffres.', en: '--siret: 14 digits.' };
  }
  const now = nowArgument(values.now);
  if (isUsage(now)) return now;
  return {
    snapshot: positionals[0] as string,
    from: values.from,
    to: values.to,
    profile: profile as ExportProfile,
    named: values.named ?? false,
    reason: values.reason ?? null,
    out: values.out,
    associationName: values.association ?? PLACEHOLDER_ASSOCIATION,
    rna: values.rna ?? null,
    siret: values.siret ?? null,
    now,
  };
}

export async function runExport(command: ExportCommand, io: CliIo): Promise<number> {
  if (await reportMissingFile([command.snapshot], io)) return EXIT_USAGE;
  try {
    checkCityExportOptions({ ...command, mode: command.named ? 'named' : 'pseudonymous' });
  } catch (error) {
    if (!(error instanceof CityExportOptionsError)) throw error;
    bilingual(io.err, error.fr, error.en);
    return EXIT_USAGE;
  }
  if (command.associationName === PLACEHOLDER_ASSOCIATION) {
    bilingual(
      io.err,
      `Attention : pas de --association, la colonne association_nom vaudra « ${PLACEHOLDER_ASSOCIATION} ».`,
      `Warning: no --association; association_nom will read "${PLACEHOLDER_ASSOCIATION}".`,
    );
  }
  const started = performance.now();
  // The tables the export reads, in the file's order: one pass over the snapshot (./export-source.ts).
  const source = createSequentialSnapshotSource(
    () => createReadStream(command.snapshot, { highWaterMark: 256 * 1024 }),
    exportReadTables(command.named),
  );
  let target = command.out;
  try {
    const prepared = await prepareCityExport(source, {
      from: command.from,
      to: command.to,
      profile: command.profile,
      mode: command.named ? 'named' : 'pseudonymous',
      reason: command.reason,
      settings: {
        associationName: command.associationName,
        rna: command.rna,
        siret: command.siret,
        cancellationCutoffHours: DEFAULT_SETTINGS.cancellationCutoffHours,
      },
    });
    await source.close();
    if (await isFolder(command.out)) target = join(command.out, prepared.fileName);
    await writeFileWhole(
      target,
      writeCityExportZip(prepared, { generatedAt: command.now, application: application() }),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const mode = command.named ? 'nominatif' : 'pseudonyme';
    bilingual(
      io.out,
      `Export pour la Ville écrit dans ${target} (${command.profile}, ${mode}, du ${command.from} au ${command.to}, ${seconds} s) :`,
      `City export written to ${target} (${command.profile}, ${command.named ? 'named' : 'pseudonymous'}, ${command.from} to ${command.to}, ${seconds} s):`,
    );
    const width = Math.max(...TABLE_NAMES.map((table) => table.length));
    for (const table of TABLE_NAMES) {
      io.out(`  ${`${table}.csv`.padEnd(width + 4)}  ${String(prepared.rowCounts[table]).padStart(9)}`);
    }
    bilingual(
      io.out,
      `  bénévoles concernés : ${prepared.volunteerIds.length}${command.named ? `, dont ${prepared.namedVolunteerIds.length} nommés` : ''}`,
      `  volunteers included: ${prepared.volunteerIds.length}${command.named ? `, ${prepared.namedVolunteerIds.length} of them named` : ''}`,
    );
    if (prepared.warnings.length > 0) {
      bilingual(
        io.err,
        `Attention : ${prepared.warnings.length} inscription(s) sans fiche bénévole, laissée(s) de côté.`,
        `Warning: ${prepared.warnings.length} sign-up(s) without a volunteer record, left out.`,
      );
    }
    return EXIT_OK;
  } catch (error) {
    await source.close();
    if (error instanceof CityExportOptionsError) {
      bilingual(io.err, error.fr, error.en);
      return EXIT_USAGE;
    }
    if (isSnapshotError(error)) {
      reportInvalidSnapshot(command.snapshot, error, io);
      return EXIT_INVALID;
    }
    throw error;
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The manifest's `application`: the product name and version of package.json. */
function application(): { name: string; version: string } {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    productName?: string;
    version?: string;
  };
  return { name: manifest.productName ?? 'Desk Climat', version: manifest.version ?? '0.0.0' };
}
