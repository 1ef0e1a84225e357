import { createReadStream } from 'node:fs';
import { isSnapshotError, loadSnapshot, writeSnapshot } from '../../../shared/snapshot';
import {
  createMemoryRecordStore,
  createMemorySyncState,
  isSyncError,
  syncOnce,
  type SyncSummary,
} from '../../../shared/sync';
import { parseCommandArgs, type Usage } from '../arguments';
import { reportMissingFile, writeFileWhole } from '../files';
import { bilingual, type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, reportInvalidSnapshot } from '../io';

/**
 * `desk sync <snapshot> --server <url> --db <name> [--user u --password p] --out <snapshot>` (issue 14): the same
 * replicator as the app, over a snapshot file. The snapshot is loaded in memory, synced (pull, merge, push), and the
 * result written to `--out` (a temporary file renamed once complete). A snapshot carries no sync state (desk-local),
 * so each run pulls the whole database; it sends only what the server does not already hold.
 * If the sync fails, nothing is written and the input is untouched.
 */

export interface SyncCommand {
  readonly snapshot: string;
  readonly server: string;
  readonly database: string;
  readonly user?: string;
  readonly password?: string;
  readonly out: string;
  /** Per request, in milliseconds. */
  readonly timeoutMs?: number;
}

/** The sync itself failed (server, credentials, network): the message says which. */
export const EXIT_SYNC_FAILED = 3;

/** Password from the environment when not on the command line, so it stays out of the shell history. */
export const PASSWORD_VARIABLE = 'DESK_SYNC_PASSWORD';

export const SYNC_USAGE_FR =
  '  sync <fichier.zip> --server <url> --db <base> [--user u --password p] --out <fichier.zip>\n' +
  `                                                                     synchronise une sauvegarde avec CouchDB (mot de passe aussi par ${PASSWORD_VARIABLE})`;
export const SYNC_USAGE_EN =
  '  sync <file.zip> --server <url> --db <name> [--user u --password p] --out <file.zip>\n' +
  `                                                                     syncs a snapshot with CouchDB (password also from ${PASSWORD_VARIABLE})`;

export function parseSyncArgs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): SyncCommand | Usage {
  const { values, positionals } = parseCommandArgs(args, {
    server: { type: 'string' },
    db: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    out: { type: 'string' },
    timeout: { type: 'string' },
  });
  if (positionals.length !== 1 || !values.server || !values.db || !values.out) {
    return {
      fr: 'sync attend une sauvegarde, --server <url>, --db <base> et --out <fichier.zip>.',
      en: 'sync expects one snapshot, --server <url>, --db <name> and --out <file.zip>.',
    };
  }
  const password = values.password ?? env[PASSWORD_VARIABLE];
  if (password !== undefined && !values.user) {
    return { fr: '--password va avec --user.', en: '--password goes with --user.' };
  }
  const seconds = values.timeout === undefined ? undefined : Number(values.timeout);
  if (seconds !== undefined && (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)) {
    return {
      fr: '--timeout : un nombre de secondes de 1 à 3600.',
      en: '--timeout: a number of seconds from 1 to 3600.',
    };
  }
  return {
    snapshot: positionals[0] as string,
    server: values.server,
    database: values.db,
    user: values.user,
    password: values.user ? (password ?? '') : undefined,
    out: values.out,
    timeoutMs: seconds === undefined ? undefined : Math.round(seconds * 1000),
  };
}

export async function runSync(
  command: SyncCommand,
  io: CliIo,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<number> {
  if (await reportMissingFile([command.snapshot], io)) return EXIT_USAGE;
  const store = createMemoryRecordStore();
  let deskId: string;
  try {
    deskId = (await loadSnapshot(() => createReadStream(command.snapshot), store)).deskId;
  } catch (error) {
    if (!isSnapshotError(error)) throw error;
    reportInvalidSnapshot(command.snapshot, error, io);
    return EXIT_INVALID;
  }

  let summary: SyncSummary;
  try {
    summary = await syncOnce({
      target: {
        server: command.server,
        database: command.database,
        user: command.user,
        password: command.password,
      },
      fetch: (url, init) => fetchImpl(url, init),
      store,
      state: createMemorySyncState(),
      deskId,
      timeoutMs: command.timeoutMs,
    });
  } catch (error) {
    if (!isSyncError(error)) throw error;
    bilingual(
      io.err,
      `Synchronisation impossible : ${error.fr} Rien n’a été écrit.`,
      `Sync failed: ${error.en} Nothing was written.`,
    );
    io.err(`  [${error.code}${error.detail ? `: ${error.detail}` : ''}]`);
    return EXIT_SYNC_FAILED;
  }

  await writeFileWhole(command.out, writeSnapshot(store, { deskId, createdAt: new Date().toISOString() }));
  for (const [fr, en] of describe(summary, command.out)) bilingual(io.out, fr, en);
  return EXIT_OK;
}

function describe(summary: SyncSummary, out: string): [string, string][] {
  const { pulled, pushed } = summary;
  const lines: [string, string][] = [
    [`Synchronisé ; résultat écrit dans ${out}.`, `Synced; result written to ${out}.`],
    [
      `Reçus : ${pulled.received} documents (${pulled.changedLocally} modifiés localement) ; envoyés : ${pushed.sent} ; conflits fusionnés : ${pushed.conflictsResolved + pulled.serverConflictsResolved}.`,
      `Received: ${pulled.received} documents (${pulled.changedLocally} changed locally); sent: ${pushed.sent}; conflicts merged: ${pushed.conflictsResolved + pulled.serverConflictsResolved}.`,
    ],
    [
      `À revoir ajoutés (doublons possibles, créneaux au-delà de leur capacité) : ${summary.reviewItemsAdded} ; enregistrements effacés (registre appliqué) : ${summary.erasedRecords}.`,
      `Added for review (possible duplicates, shifts over capacity): ${summary.reviewItemsAdded}; records erased (register applied): ${summary.erasedRecords}.`,
    ],
  ];
  const refused = [...pulled.rejected, ...pushed.rejected];
  if (refused.length > 0) {
    lines.push([
      `Documents refusés (laissés de côté) : ${refused.length} — ${refused.slice(0, 5).join(' ; ')}`,
      `Documents refused (left aside): ${refused.length} — ${refused.slice(0, 5).join('; ')}`,
    ]);
  }
  if (pushed.pending > 0) {
    lines.push([
      `Encore ${pushed.pending} modifications en attente (un autre poste écrivait en même temps) : relancez la synchronisation.`,
      `${pushed.pending} changes still pending (another desk was writing at the same time): run the sync again.`,
    ]);
  }
  return lines;
}
