import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  automaticBackupName,
  createBackupService,
  verifyBackupFile,
  type BackupServiceDeps,
  type SecretStore,
} from '../../../electron/main/backups';
import { nodeAtomicWriteFs, type AtomicWriteFs } from '../../../electron/main/atomic-write';
import { collectBytes, chunksOf } from '../../../shared/snapshot';
import { decryptBackup, isEncryptedBackup } from '../../../shared/backup';
import { seededStore, snapshotBytes } from '../../shared/snapshot/helpers';

/** Electron is not loaded: the service takes its few Electron pieces (dialog, safeStorage) as plain functions. */

let root: string;
let snapshot: Uint8Array<ArrayBuffer>;
const DAY = 86_400_000;

beforeAll(async () => {
  snapshot = new Uint8Array(await snapshotBytes(await seededStore(20)));
});
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'backups-main-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A keychain that works, as safeStorage does on a desktop with one; reversible so the test can check it. */
const keychain: SecretStore = {
  isAvailable: () => true,
  protect: (text) => Buffer.from([...Buffer.from(text, 'utf8')].map((byte) => byte ^ 0x5a)),
  reveal: (data) => Buffer.from([...data].map((byte) => byte ^ 0x5a)).toString('utf8'),
};

function service(overrides: Partial<BackupServiceDeps> = {}) {
  return createBackupService({
    defaultFolder: path.join(root, 'userData', 'backups'),
    stateFile: path.join(root, 'userData', 'backups.json'),
    chooseFolder: async () => path.join(root, 'usb-key'),
    secrets: keychain,
    language: () => 'fr',
    encryption: { iterations: 1_000, chunkSize: 4096 },
    now: () => new Date('2026-11-28T09:00:00Z'),
    ...overrides,
  });
}

const at = (offsetDays: number) => new Date(Date.parse('2026-11-28T09:00:00Z') + offsetDays * DAY).toISOString();

// Every write is synced to disk and read back in full: generous time budgets for a loaded machine (no timing assertion).
describe('automatic backups in the main process', { timeout: 30_000 }, () => {
  it('writes a snapshot into the app data folder, re-read and valid, and reports it as not off the laptop', async () => {
    const backups = service();
    const result = await backups.writeAutomatic({ data: snapshot, createdAt: at(0), reason: 'start-up' });
    expect(result).toEqual({
      status: 'written',
      fileName: 'desk-climat-auto_2026-11-28T09-00-00-000Z.zip',
      encrypted: false,
      removed: 0,
    });
    const written = path.join(root, 'userData', 'backups', 'desk-climat-auto_2026-11-28T09-00-00-000Z.zip');
    expect(new Uint8Array(await readFile(written))).toEqual(snapshot);
    await verifyBackupFile(written, null);
    expect(await backups.status()).toMatchObject({
      isDefaultFolder: true,
      encrypted: false,
      lastAutomaticAt: '2026-11-28T09:00:00.000Z',
      lastOffLaptopAt: null,
    });
    // No temporary file is left beside it.
    expect(await readdir(path.join(root, 'userData', 'backups'))).toEqual([
      'desk-climat-auto_2026-11-28T09-00-00-000Z.zip',
    ]);
  });

  it('keeps 7 daily and 4 weekly backups over 40 days, and never touches other files of the folder', async () => {
    const backups = service();
    const folder = path.join(root, 'userData', 'backups');
    await backups.writeAutomatic({ data: snapshot, createdAt: at(-100), reason: 'import' });
    await writeFile(path.join(folder, 'mes-notes.txt'), 'à moi');
    await writeFile(path.join(folder, 'desk-climat-sauvegarde_20261101-0900.zip'), 'a manual backup');
    for (let day = -40; day <= 0; day++) {
      const result = await backups.writeAutomatic({ data: snapshot, createdAt: at(day), reason: 'start-up' });
      expect(result.status).toBe('written');
    }
    const names = (await readdir(folder)).sort();
    expect(names).toContain('mes-notes.txt');
    expect(names).toContain('desk-climat-sauvegarde_20261101-0900.zip');
    const automatic = names.filter((name) => name.startsWith('desk-climat-auto_'));
    // 22–28 November daily; weeks of 16, 9 and 2 November by their Sundays (the week of 23 Nov is among the days).
    expect(automatic).toEqual([
      automaticBackupName(at(-20), false),
      automaticBackupName(at(-13), false),
      automaticBackupName(at(-6), false),
      ...[-5, -4, -3, -2, -1, 0].map((day) => automaticBackupName(at(day), false)),
    ]);
    expect(automatic).toHaveLength(9);
  }, 120_000);

  it('encrypts with the passphrase kept by the keychain, never in clear on disk, and checks the file by decrypting it', async () => {
    const backups = service();
    expect(await backups.setPassphrase({ passphrase: 'clé de la coordination' })).toEqual({
      encrypted: true,
      passphraseRemembered: true,
    });
    expect(await readFile(path.join(root, 'userData', 'backups.json'), 'utf8')).not.toContain('coordination');
    // A new service (the app restarted) still knows the passphrase.
    const restarted = service();
    const result = await restarted.writeAutomatic({ data: snapshot, createdAt: at(0), reason: 'merge' });
    expect(result).toMatchObject({ status: 'written', encrypted: true });
    if (result.status !== 'written') return;
    expect(result.fileName.endsWith('.zip.enc')).toBe(true);
    const sealed = new Uint8Array(await readFile(path.join(root, 'userData', 'backups', result.fileName)));
    expect(isEncryptedBackup(sealed)).toBe(true);
    expect(await collectBytes(decryptBackup(chunksOf(sealed), 'clé de la coordination'))).toEqual(snapshot);
    await expect(
      verifyBackupFile(path.join(root, 'userData', 'backups', result.fileName), 'autre phrase'),
    ).rejects.toThrow(/phrase de passe/);
  });

  it('without a keychain, encrypts for this session only and says the passphrase is not remembered', async () => {
    const backups = service({ secrets: { ...keychain, isAvailable: () => false } });
    expect(await backups.setPassphrase({ passphrase: 'clé de la coordination' })).toEqual({
      encrypted: true,
      passphraseRemembered: false,
    });
    expect(await backups.status()).toMatchObject({ encrypted: true, passphraseRemembered: false });
    expect(await readFile(path.join(root, 'userData', 'backups.json'), 'utf8')).not.toContain('passphrase');
  });

  it('a backup that fails its check after writing is removed, and the earlier ones stay', async () => {
    const backups = service();
    await backups.writeAutomatic({ data: snapshot, createdAt: at(-1), reason: 'start-up' });
    const damaged = snapshot.slice(0, Math.floor(snapshot.length * 0.7));
    const result = await backups.writeAutomatic({ data: damaged, createdAt: at(0), reason: 'import' });
    expect(result.status).toBe('failed');
    if (result.status === 'failed') {
      expect(result.message).toContain('n’est pas valide');
      expect(result.message).toContain('is not valid');
    }
    expect(await readdir(path.join(root, 'userData', 'backups'))).toEqual([automaticBackupName(at(-1), false)]);
    expect((await service().status()).lastAutomaticAt).toBe('2026-11-28T09:00:00.000Z');
  });

  it('a full disk gives a clear message, leaves no half-written file and keeps the earlier backups', async () => {
    const full: AtomicWriteFs = {
      ...nodeAtomicWriteFs,
      open: async (filePath, flags, mode) => {
        const file = await nodeAtomicWriteFs.open(filePath, flags, mode);
        if (!filePath.endsWith('.tmp') || !filePath.includes('desk-climat-auto_')) return file;
        return {
          ...file,
          writeFile: async (data) => {
            await file.writeFile(data.subarray(0, 100));
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => file.sync(),
          close: () => file.close(),
        };
      },
    };
    await service().writeAutomatic({ data: snapshot, createdAt: at(-1), reason: 'start-up' });
    const result = await service({ fs: full }).writeAutomatic({ data: snapshot, createdAt: at(0), reason: 'import' });
    expect(result.status).toBe('failed');
    if (result.status === 'failed') {
      expect(result.message).toContain('est plein');
      expect(result.message).toContain('is full');
    }
    expect(await readdir(path.join(root, 'userData', 'backups'))).toEqual([automaticBackupName(at(-1), false)]);
  });

  it('in a folder chosen by the user (a USB key), the backup counts as having left the laptop', async () => {
    const backups = service();
    expect(await backups.chooseFolder({ useDefault: false })).toEqual({
      status: 'chosen',
      folder: path.join(root, 'usb-key'),
    });
    await backups.writeAutomatic({ data: snapshot, createdAt: at(0), reason: 'restore' });
    expect(await readdir(path.join(root, 'usb-key'))).toEqual([automaticBackupName(at(0), false)]);
    expect(await backups.status()).toMatchObject({
      folder: path.join(root, 'usb-key'),
      isDefaultFolder: false,
      lastOffLaptopAt: '2026-11-28T09:00:00.000Z',
    });
    expect(await backups.chooseFolder({ useDefault: true })).toMatchObject({ status: 'chosen' });
    expect(await backups.status()).toMatchObject({ isDefaultFolder: true });
    expect(await service({ chooseFolder: async () => null }).chooseFolder({ useDefault: false })).toEqual({
      status: 'cancelled',
    });
  });
});
