import { randomUUID } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** The few file operations an atomic write needs; injected so that tests can make any step fail. */
export interface AtomicWriteFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  stat(filePath: string): Promise<{ mode: number }>;
}

export interface WritableFile {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeAtomicWriteFs: AtomicWriteFs = {
  open: (filePath, flags, mode) => open(filePath, flags, mode),
  rename,
  unlink,
  stat,
};

/** A name beside the target, hidden on Unix, unique, and short enough for any file system. */
function temporaryPathFor(target: string): string {
  const base = path.basename(target).slice(0, 100);
  return path.join(path.dirname(target), `.${base}.${randomUUID().slice(0, 8)}.tmp`);
}

async function existingMode(fsApi: AtomicWriteFs, target: string): Promise<number> {
  try {
    return (await fsApi.stat(target)).mode & 0o777;
  } catch {
    return 0o666; // a new file: the process umask applies, as for any file the user creates
  }
}

/**
 * Flushes the directory entry on POSIX so that the rename itself survives a power cut. Windows cannot open a folder
 * this way, and the write is already complete, so a failure here is ignored.
 */
async function syncDirectory(fsApi: AtomicWriteFs, directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fsApi.open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort, see above
  }
}

/**
 * Writes `data` to `target` so that the file is, at every instant, either the old one or the complete new one: write
 * a temporary file in the same folder (same file system, so the rename is atomic), flush it to disk, rename it over
 * the target. On any failure the temporary file is removed and the old file is left byte-identical.
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  fsApi: AtomicWriteFs = nodeAtomicWriteFs,
): Promise<void> {
  const temporary = temporaryPathFor(target);
  const mode = await existingMode(fsApi, target);
  let file: WritableFile | undefined;
  let created = false;
  try {
    // 'wx': never follow or reuse an existing path, even one planted between our name choice and the open.
    file = await fsApi.open(temporary, 'wx', mode);
    created = true;
    await file.writeFile(data);
    await file.sync();
    const written = file;
    file = undefined;
    await written.close();
    await fsApi.rename(temporary, target);
    created = false;
  } catch (error) {
    if (file !== undefined) await file.close().catch(() => undefined);
    if (created) await fsApi.unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(fsApi, path.dirname(target));
}
