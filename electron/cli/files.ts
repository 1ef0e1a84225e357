import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bilingual, type CliIo } from './io';

/**
 * The first of the input files that does not exist, said in French and English; null when they all do. Commands
 * check their inputs before reading any, so a mistyped path stops them with nothing written.
 */
export async function reportMissingFile(paths: readonly string[], io: CliIo): Promise<string | null> {
  for (const path of paths) {
    try {
      await stat(path);
    } catch {
      bilingual(io.err, `Fichier introuvable : ${path}`, `File not found: ${path}`);
      return path;
    }
  }
  return null;
}

/** Where a file is written before it is renamed over `target`: beside it (same disk), hidden, and this process's. */
export function partialPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
}

/**
 * Streams `chunks` into `target` through a temporary file renamed over it only once complete, so a failed run leaves
 * neither a half file nor a damaged earlier one. An existing temporary file is an error (`wx`), never overwritten.
 */
export async function writeFileWhole(target: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const temporary = partialPath(target);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temporary, { flags: 'wx' }));
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
