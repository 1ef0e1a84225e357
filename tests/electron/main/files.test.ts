import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeAtomicWriteFs } from '../../../electron/main/atomic-write';
import { type FileDialogs } from '../../../electron/main/file-dialogs';
import { openFile, readFileWithLimit, saveFile, type FileServiceDeps } from '../../../electron/main/files';
import { savePageAsPdf } from '../../../electron/main/print';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(choice: string | null, overrides: Partial<Omit<FileServiceDeps, 'dialogs'>> = {}) {
  const dialogs = {
    chooseSavePath: vi.fn<FileDialogs['chooseSavePath']>(async () => choice),
    chooseOpenPath: vi.fn<FileDialogs['chooseOpenPath']>(async () => choice),
  };
  return { dialogs, defaultDirectory: () => dir, language: () => 'fr' as const, ...overrides };
}

const csv = { name: 'CSV', extensions: ['csv'] };

describe('saveFile', () => {
  it('offers the suggested name in the default folder and saves where the user chose', async () => {
    const target = path.join(dir, 'liste.csv');
    const d = deps(target);
    const result = await saveFile({ suggestedName: 'liste.csv', filters: [csv], data: new Uint8Array([65, 66]) }, d);
    expect(result).toEqual({ status: 'saved', fileName: 'liste.csv' });
    expect(await readFile(target, 'utf8')).toBe('AB');
    expect(d.dialogs.chooseSavePath).toHaveBeenCalledWith({
      title: 'Enregistrer le fichier',
      defaultPath: path.join(dir, 'liste.csv'),
      filters: [csv],
    });
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    const result = await saveFile({ suggestedName: 'a.csv', filters: [], data: new Uint8Array([1]) }, deps(null));
    expect(result).toEqual({ status: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a failure in French then English and keeps the old file byte-identical', async () => {
    const target = path.join(dir, 'liste.csv');
    await writeFile(target, 'ANCIEN');
    const failing = {
      ...nodeAtomicWriteFs,
      rename: async () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    };
    const result = await saveFile(
      { suggestedName: 'liste.csv', filters: [], data: new Uint8Array([1, 2, 3]) },
      deps(target, { fs: failing }),
    );
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.message).toMatch(
      /^Le fichier n’a pas pu être enregistré.*ENOSPC.* \/ The file could not be saved.*ENOSPC/,
    );
    expect(await readFile(target, 'utf8')).toBe('ANCIEN');
    expect(await readdir(dir)).toEqual(['liste.csv']);
  });

  it('uses English dialog titles when the UI is in English', async () => {
    const d = deps(null, { language: () => 'en' });
    await saveFile({ suggestedName: 'a.csv', filters: [], data: new Uint8Array() }, d);
    expect(d.dialogs.chooseSavePath.mock.calls[0]![0].title).toBe('Save file');
  });
});

describe('openFile', () => {
  it('reads the chosen file', async () => {
    const file = path.join(dir, 'inscrits.csv');
    await writeFile(file, 'nom;prénom\n');
    const result = await openFile({ filters: [csv], maxBytes: 1024 }, deps(file));
    expect(result.status).toBe('opened');
    if (result.status !== 'opened') return;
    expect(result.fileName).toBe('inscrits.csv');
    expect(result.data).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(result.data)).toBe('nom;prénom\n');
  });

  it('reports a cancelled dialog', async () => {
    expect(await openFile({ filters: [], maxBytes: 10 }, deps(null))).toEqual({ status: 'cancelled' });
  });

  it('refuses a file over the limit from its size alone, before reading it', async () => {
    const file = path.join(dir, 'huge.csv');
    await writeFile(file, '');
    await truncate(file, 8 * 1024 * 1024 * 1024); // 8 GiB, sparse: reading it would take minutes and the memory
    const started = Date.now();
    const result = await openFile({ filters: [], maxBytes: 1024 * 1024 }, deps(file));
    expect(result).toEqual({ status: 'too-large', fileName: 'huge.csv', size: 8 * 1024 ** 3, maxBytes: 1024 * 1024 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('accepts a file of exactly the limit', async () => {
    const file = path.join(dir, 'exact.bin');
    await writeFile(file, new Uint8Array(100));
    expect((await openFile({ filters: [], maxBytes: 100 }, deps(file))).status).toBe('opened');
  });

  it('reports a folder or a missing file as a failure in French then English', async () => {
    const folder = await openFile({ filters: [], maxBytes: 100 }, deps(dir));
    expect(folder).toEqual({ status: 'failed', message: 'Ce n’est pas un fichier. / This is not a file.' });
    const missing = await openFile({ filters: [], maxBytes: 100 }, deps(path.join(dir, 'gone.csv')));
    expect(missing.status === 'failed' && missing.message).toMatch(/^Le fichier n’a pas pu être lu \(ENOENT\)/);
  });
});

describe('readFileWithLimit', () => {
  it('reads a multi-chunk file exactly', async () => {
    const file = path.join(dir, 'big.bin');
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_v, i) => i % 251);
    await writeFile(file, bytes);
    const read = await readFileWithLimit(file, bytes.length);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(read).equals(bytes)).toBe(true);
  });

  it('stops as soon as the stream passes the limit (a file that grew after its size was checked)', async () => {
    const file = path.join(dir, 'grown.bin');
    await writeFile(file, new Uint8Array(3 * 1024 * 1024));
    await expect(readFileWithLimit(file, 1024 * 1024)).rejects.toThrow('too large');
  });
});

describe('savePageAsPdf', () => {
  const pdfBytes = new TextEncoder().encode('%PDF-1.7\n');

  it('prints the calling page with the requested orientation and saves it atomically', async () => {
    const target = path.join(dir, 'feuille.pdf');
    const page = { printToPDF: vi.fn(async () => Buffer.from(pdfBytes)) };
    const d = deps(target);
    const result = await savePageAsPdf({ suggestedName: 'feuille', landscape: true }, page, d);
    expect(result).toEqual({ status: 'saved', fileName: 'feuille.pdf' });
    expect(page.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ landscape: true, pageSize: 'A4' }));
    expect(new Uint8Array(await readFile(target))).toEqual(pdfBytes);
    expect(d.dialogs.chooseSavePath.mock.calls[0]![0]).toEqual({
      title: 'Enregistrer en PDF',
      defaultPath: path.join(dir, 'feuille.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('does not print when the user cancels', async () => {
    const page = { printToPDF: vi.fn(async () => Buffer.from(pdfBytes)) };
    expect(await savePageAsPdf({ suggestedName: 'a.pdf', landscape: false }, page, deps(null))).toEqual({
      status: 'cancelled',
    });
    expect(page.printToPDF).not.toHaveBeenCalled();
  });

  it('reports a printing failure and leaves an existing PDF intact', async () => {
    const target = path.join(dir, 'feuille.pdf');
    await writeFile(target, 'ANCIEN PDF');
    const page = {
      printToPDF: vi.fn(async () => {
        throw new Error('Printing failed');
      }),
    };
    const result = await savePageAsPdf({ suggestedName: 'feuille.pdf', landscape: false }, page, deps(target));
    expect(result).toEqual({
      status: 'failed',
      message: 'Le PDF n’a pas pu être créé (Printing failed). / The PDF could not be created (Printing failed).',
    });
    expect(await readFile(target, 'utf8')).toBe('ANCIEN PDF');
  });
});
