import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  decryptBackup,
  describeBackupError,
  encryptBackup,
  planRotation,
  type EncryptOptions,
} from '../../shared/backup';
import { type IpcOutput } from '../../shared/ipc/contract';
import { chunksOf, collectBytes, describeProblem, isSnapshotError, validateSnapshot } from '../../shared/snapshot';
import { nodeAtomicWriteFs, writeFileAtomic, type AtomicWriteFs } from './atomic-write';
import { type IpcHandlerInput } from './ipc';
import { errorDetail, type UiLanguage } from './messages';

/**
 * Automatic rotating backups (issue 11), in the main process: the renderer hands over the snapshot's bytes (it owns
 * the data); here they are encrypted when a passphrase is set, written atomically into the chosen folder, read back
 * and validated in full, and only then are older automatic backups rotated out (7 daily, 4 weekly). A backup that
 * fails its check is removed and the older ones are left alone. Only files named like ours are ever deleted.
 */

/** The passphrase kept by the system's keychain (Electron's safeStorage), never in clear on disk. */
export interface SecretStore {
  isAvailable(): boolean;
  protect(text: string): Buffer;
  reveal(data: Buffer): string;
}

export interface BackupServiceDeps {
  /** The app's data folder for backups (userData/backups): the default, and "on this laptop". */
  readonly defaultFolder: string;
  /** Where the settings of automatic backups are kept (userData/backups.json). */
  readonly stateFile: string;
  readonly chooseFolder: (options: { title: string }) => Promise<string | null>;
  readonly secrets: SecretStore;
  readonly language: () => UiLanguage;
  readonly fs?: AtomicWriteFs;
  /** Tests lower the key derivation's cost; the app keeps the default (600,000 iterations). */
  readonly encryption?: EncryptOptions;
  readonly now?: () => Date;
}

const stateSchema = z.object({
  folder: z.string().optional(),
  passphrase: z.string().optional(),
  lastAutomaticAt: z.string().optional(),
  lastOffLaptopAt: z.string().optional(),
});
type BackupState = z.infer<typeof stateSchema>;

const AUTOMATIC_NAME = /^desk-climat-auto_(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.zip(\.enc)?$/;

/** `desk-climat-auto_2026-11-28T09-00-00-000Z.zip` (`.zip.enc` when encrypted): sortable, valid on every disk. */
export function automaticBackupName(createdAt: string, encrypted: boolean): string {
  const stamp = new Date(createdAt).toISOString().replace(/[:.]/g, '-');
  return `desk-climat-auto_${stamp}${encrypted ? '.zip.enc' : '.zip'}`;
}

function createdAtOf(name: string): string | null {
  const match = AUTOMATIC_NAME.exec(name);
  if (!match) return null;
  return `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`;
}

const FOLDER_TITLE: Readonly<Record<UiLanguage, string>> = {
  fr: 'Dossier des sauvegardes automatiques',
  en: 'Folder for automatic backups',
};

export const BACKUP_MESSAGES = {
  writeFailed: (folder: string, detail: string): string =>
    `La sauvegarde automatique n’a pas pu être écrite dans « ${folder} » ; les sauvegardes précédentes sont intactes ` +
    `(${detail}). / The automatic backup could not be written to "${folder}"; earlier backups are intact (${detail}).`,
  diskFull: (folder: string): string =>
    `Le disque de « ${folder} » est plein : la sauvegarde automatique n’a pas été écrite, les précédentes sont ` +
    `intactes. Libérez de la place ou choisissez un autre dossier. / The disk of "${folder}" is full: the automatic ` +
    `backup was not written, earlier ones are intact. Free some space or choose another folder.`,
  verifyFailed: (fileName: string, detail: string): string =>
    `La sauvegarde « ${fileName} » relue après écriture n’est pas valide ; elle a été supprimée, les précédentes sont ` +
    `intactes (${detail}). / The backup "${fileName}" read back after writing is not valid; it was removed, earlier ` +
    `ones are intact (${detail}).`,
  folderFailed: (detail: string): string =>
    `Ce dossier ne peut pas recevoir de sauvegardes (${detail}). / This folder cannot hold backups (${detail}).`,
} as const;

async function* fileChunks(filePath: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(filePath, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } finally {
    stream.destroy();
  }
}

/** Reads a backup file back from the disk and checks every record; throws what is wrong, in French and English. */
export async function verifyBackupFile(filePath: string, passphrase: string | null): Promise<void> {
  const bytes = fileChunks(filePath);
  await validateSnapshot(passphrase === null ? bytes : decryptBackup(bytes, passphrase));
}

export function createBackupService(deps: BackupServiceDeps) {
  const fsApi = deps.fs ?? nodeAtomicWriteFs;
  const now = deps.now ?? (() => new Date());
  /** The passphrase of this session when the keychain cannot keep it. */
  let sessionPassphrase: string | null = null;

  async function readState(): Promise<BackupState> {
    try {
      const parsed = stateSchema.safeParse(JSON.parse(await readFile(deps.stateFile, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {}; // none yet, or unreadable: the defaults, nothing to lose (the backups are the files themselves)
    }
  }

  async function writeState(state: BackupState): Promise<void> {
    await mkdir(path.dirname(deps.stateFile), { recursive: true });
    await writeFileAtomic(deps.stateFile, new TextEncoder().encode(JSON.stringify(state, null, 2)), fsApi);
  }

  function passphraseOf(state: BackupState): string | null {
    if (state.passphrase !== undefined && deps.secrets.isAvailable()) {
      try {
        return deps.secrets.reveal(Buffer.from(state.passphrase, 'base64'));
      } catch {
        return sessionPassphrase;
      }
    }
    return sessionPassphrase;
  }

  const folderOf = (state: BackupState) => state.folder ?? deps.defaultFolder;
  const isDefault = (folder: string) => path.resolve(folder) === path.resolve(deps.defaultFolder);

  async function rotate(folder: string): Promise<number> {
    const entries = (await readdir(folder))
      .map((name) => ({ name, createdAt: createdAtOf(name) }))
      .filter((entry): entry is { name: string; createdAt: string } => entry.createdAt !== null);
    const { remove } = planRotation(entries);
    let removed = 0;
    for (const name of remove) {
      // A file that vanished meanwhile (a synced folder) is not an error worth failing the backup for.
      await fsApi.unlink(path.join(folder, name)).then(
        () => removed++,
        () => undefined,
      );
    }
    return removed;
  }

  return {
    async status(): Promise<IpcOutput<'backup:get-status'>> {
      const state = await readState();
      const folder = folderOf(state);
      return {
        folder,
        isDefaultFolder: isDefault(folder),
        encrypted: passphraseOf(state) !== null,
        passphraseRemembered: state.passphrase !== undefined || sessionPassphrase === null,
        lastAutomaticAt: state.lastAutomaticAt ?? null,
        lastOffLaptopAt: state.lastOffLaptopAt ?? null,
      };
    },

    async writeAutomatic(
      input: IpcHandlerInput<'backup:write-automatic'>,
    ): Promise<IpcOutput<'backup:write-automatic'>> {
      const state = await readState();
      const folder = folderOf(state);
      const passphrase = passphraseOf(state);
      const fileName = automaticBackupName(input.createdAt, passphrase !== null);
      const target = path.join(folder, fileName);
      try {
        await mkdir(folder, { recursive: true });
        const bytes =
          passphrase === null
            ? input.data
            : await collectBytes(encryptBackup(chunksOf(input.data, 1024 * 1024), passphrase, deps.encryption));
        await writeFileAtomic(target, bytes, fsApi);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 'ENOSPC' || code === 'EDQUOT')
          return { status: 'failed', message: BACKUP_MESSAGES.diskFull(folder) };
        return { status: 'failed', message: BACKUP_MESSAGES.writeFailed(folder, errorDetail(error)) };
      }
      try {
        await verifyBackupFile(target, passphrase);
      } catch (error) {
        await fsApi.unlink(target).catch(() => undefined);
        const detail = isSnapshotError(error)
          ? describeProblem(error)
          : (describeBackupError(error) ?? errorDetail(error));
        return { status: 'failed', message: BACKUP_MESSAGES.verifyFailed(fileName, detail) };
      }
      const removed = await rotate(folder).catch(() => 0);
      const at = now().toISOString();
      await writeState({
        ...state,
        lastAutomaticAt: at,
        ...(isDefault(folder) ? {} : { lastOffLaptopAt: at }),
      }).catch(() => undefined); // the backup itself is written and checked; only its date would be missing
      return { status: 'written', fileName, encrypted: passphrase !== null, removed };
    },

    async chooseFolder(input: IpcHandlerInput<'backup:choose-folder'>): Promise<IpcOutput<'backup:choose-folder'>> {
      const state = await readState();
      const chosen = input.useDefault
        ? deps.defaultFolder
        : await deps.chooseFolder({ title: FOLDER_TITLE[deps.language()] });
      if (chosen === null) return { status: 'cancelled' };
      try {
        await mkdir(chosen, { recursive: true });
        const { folder: _previous, ...rest } = state;
        await writeState(isDefault(chosen) ? rest : { ...rest, folder: chosen });
        return { status: 'chosen', folder: chosen };
      } catch (error) {
        return { status: 'failed', message: BACKUP_MESSAGES.folderFailed(errorDetail(error)) };
      }
    },

    async setPassphrase(input: IpcHandlerInput<'backup:set-passphrase'>): Promise<IpcOutput<'backup:set-passphrase'>> {
      const { passphrase: _previous, ...rest } = await readState();
      sessionPassphrase = input.passphrase === null ? null : input.passphrase.normalize('NFC');
      if (sessionPassphrase !== null && deps.secrets.isAvailable()) {
        await writeState({ ...rest, passphrase: deps.secrets.protect(sessionPassphrase).toString('base64') });
        return { encrypted: true, passphraseRemembered: true };
      }
      await writeState(rest);
      return { encrypted: sessionPassphrase !== null, passphraseRemembered: sessionPassphrase === null };
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
