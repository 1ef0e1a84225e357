import { createReadStream } from 'node:fs';
import { isSnapshotError, validateSnapshot } from '../../../shared/snapshot';
import { reportMissingFile } from '../files';
import { bilingual, type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, formatCounts, reportInvalidSnapshot } from '../io';

/** `desk validate`: read the whole snapshot, record by record, and say whether every record is valid. */
export async function runValidate(path: string, io: CliIo): Promise<number> {
  if (await reportMissingFile([path], io)) return EXIT_USAGE;
  const started = performance.now();
  try {
    const manifest = await validateSnapshot(createReadStream(path, { highWaterMark: 256 * 1024 }));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    bilingual(
      io.out,
      `Sauvegarde valide : ${path} (format ${manifest.version}, poste ${manifest.deskId}, créée le ${manifest.createdAt}, ${seconds} s).`,
      `Valid snapshot: ${path} (format ${manifest.version}, desk ${manifest.deskId}, created ${manifest.createdAt}, ${seconds} s).`,
    );
    for (const line of formatCounts(manifest.counts)) io.out(line);
    return EXIT_OK;
  } catch (error) {
    if (!isSnapshotError(error)) throw error;
    reportInvalidSnapshot(path, error, io);
    return EXIT_INVALID;
  }
}
