import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { type IpcHandlerInput } from './ipc';
import { type IpcOutput } from '../../shared/ipc/contract';
import { nodeAtomicWriteFs, writeFileAtomic, type AtomicWriteFs } from './atomic-write';
import { type FileDialogs } from './file-dialogs';
import { DIALOG_TITLES, errorDetail, MESSAGES, type UiLanguage } from './messages';

export interface FileServiceDeps {
  readonly dialogs: FileDialogs;
  /** Where the save dialog opens (the user's Documents folder). */
  readonly defaultDirectory: () => string;
  readonly language: () => UiLanguage;
  readonly fs?: AtomicWriteFs;
}

/** Save: the user picks the place, the bytes land atomically (the old file survives any failure). */
export async function saveFile(
  input: IpcHandlerInput<'file:save'>,
  deps: FileServiceDeps,
): Promise<IpcOutput<'file:save'>> {
  const target = await deps.dialogs.chooseSavePath({
    title: DIALOG_TITLES[deps.language()].save,
    defaultPath: path.join(deps.defaultDirectory(), input.suggestedName),
    filters: input.filters,
  });
  if (target === null) return { status: 'cancelled' };
  try {
    await writeFileAtomic(target, input.data, deps.fs ?? nodeAtomicWriteFs);
    return { status: 'saved', fileName: path.basename(target) };
  } catch (error) {
    return { status: 'failed', message: MESSAGES.saveFailed(errorDetail(error)) };
  }
}

class FileTooLargeError extends Error {
  constructor(readonly size: number) {
    super('too large');
  }
}

/**
 * Reads a file as a stream and stops as soon as it passes `maxBytes`: the size was checked before reading, but a file
 * can grow while it is read (a log, a synced folder), and a single huge read would block memory for nothing.
 */
export async function readFileWithLimit(filePath: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = createReadStream(filePath, { highWaterMark: 1024 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw new FileTooLargeError(total);
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  // One plain Uint8Array (not a Buffer from Node's shared pool): it crosses IPC as exactly these bytes.
  const data = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    data.set(chunk, offset);
    offset += chunk.length;
  }
  return data;
}

/** Open: the user picks a file; its size is checked against `maxBytes` before a single byte is read. */
export async function openFile(
  input: IpcHandlerInput<'file:open'>,
  deps: FileServiceDeps,
): Promise<IpcOutput<'file:open'>> {
  const filePath = await deps.dialogs.chooseOpenPath({
    title: DIALOG_TITLES[deps.language()].open,
    filters: input.filters,
  });
  if (filePath === null) return { status: 'cancelled' };
  const fileName = path.basename(filePath);
  try {
    const info = await stat(filePath);
    if (!info.isFile()) return { status: 'failed', message: MESSAGES.notAFile() };
    if (info.size > input.maxBytes) return { status: 'too-large', fileName, size: info.size, maxBytes: input.maxBytes };
    const data = await readFileWithLimit(filePath, input.maxBytes);
    return { status: 'opened', fileName, data };
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      return { status: 'too-large', fileName, size: error.size, maxBytes: input.maxBytes };
    }
    return { status: 'failed', message: MESSAGES.openFailed(errorDetail(error)) };
  }
}
