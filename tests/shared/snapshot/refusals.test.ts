import { strToU8, zipSync, Zip, ZipDeflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../shared/storage/memory-store';
import type { RecordSource } from '../../../shared/storage/ports';
import {
  chunksOf,
  collectBytes,
  readSnapshot,
  SnapshotError,
  validateSnapshot,
  writeSnapshot,
  type SnapshotErrorCode,
} from '../../../shared/snapshot';
import { readZip } from '../../../shared/snapshot/zip-reader';
import { seededStore, snapshotBytes, withTable } from './helpers';

async function refusal(bytes: Uint8Array): Promise<SnapshotError> {
  try {
    await validateSnapshot(chunksOf(bytes, 1000));
  } catch (error) {
    if (error instanceof SnapshotError) return error;
    throw error;
  }
  throw new Error('the snapshot was accepted');
}

function expectCode(error: SnapshotError, code: SnapshotErrorCode): void {
  expect(error.code, error.message).toBe(code);
  expect(error.fr.length).toBeGreaterThan(0);
  expect(error.en.length).toBeGreaterThan(0);
  expect(error.message).toContain(' / ');
}

const manifestFor = (overrides: Record<string, unknown>) =>
  strToU8(
    JSON.stringify({
      format: 'desk-climat-snapshot',
      version: 1,
      deskId: 'desk-x',
      createdAt: '2026-11-28T09:00:00Z',
      counts: {},
      ...overrides,
    }),
  );

describe('snapshots that are refused', { timeout: 60_000 }, () => {
  it('refuses a truncated file wherever it is cut, with a clear message', async () => {
    const bytes = await snapshotBytes(await seededStore(20));
    for (const length of [10, 100, Math.floor(bytes.length / 2), bytes.length - 30, bytes.length - 1]) {
      const error = await refusal(bytes.subarray(0, length));
      expect(['truncated', 'corrupt-zip'], `cut at ${length}: ${error.message}`).toContain(error.code);
    }
    const half = await refusal(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectCode(half, 'truncated');
    expect(half.fr).toMatch(/incomplet/);
    expect(half.en).toMatch(/truncated/);
  });

  it('refuses a ZIP that is not a snapshot (no manifest first)', async () => {
    const foreign = zipSync({ 'photo.txt': strToU8('hello'), 'manifest.json': manifestFor({}) });
    const error = await refusal(foreign);
    expectCode(error, 'foreign');
    expect(error.fr).toMatch(/pas une sauvegarde Desk Climat/);
    expect(error.en).toMatch(/not a Desk Climat snapshot/);
  });

  it('refuses a ZIP whose manifest is of another format, and a file that is no ZIP at all', async () => {
    expectCode(await refusal(zipSync({ 'manifest.json': manifestFor({ format: 'other-app' }) })), 'foreign');
    expectCode(await refusal(strToU8('id;name\n1;Hélène\n')), 'not-a-zip');
    expectCode(await refusal(new Uint8Array(0)), 'not-a-zip');
  });

  it('refuses a snapshot from a newer version of the app', async () => {
    const error = await refusal(zipSync({ 'manifest.json': manifestFor({ version: 2 }) }));
    expectCode(error, 'newer-version');
    expect(error.en).toMatch(/update the app/);
  });

  it('refuses an older version that no migration reaches', async () => {
    expectCode(await refusal(zipSync({ 'manifest.json': manifestFor({ version: 0 }) })), 'older-version');
  });

  it('refuses counts that do not match the records, naming the table', async () => {
    const store = await seededStore(10);
    const volunteers = store.all('volunteers');
    const lying = { ...withTable(store, 'volunteers', volunteers), count: async () => volunteers.length + 1 };
    // The writer checks its own counts: build the lie by hand with a manifest that announces one more record.
    await expect(collectBytes(writeLying(lying))).rejects.toMatchObject({ code: 'source-changed' });
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await snapshotBytes(store));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { counts: Record<string, number> };
    manifest.counts.shifts = (manifest.counts.shifts ?? 0) + 1;
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const error = await refusal(zipSync(files));
    expectCode(error, 'count-mismatch');
    expect(error.table).toBe('shifts');
  });

  it('refuses unsorted ids with the table and the line (and will not write them)', async () => {
    const store = await seededStore(10);
    const [first, second, ...rest] = store.all('missions');
    await expect(snapshotBytes(withTable(store, 'missions', [second, first, ...rest]))).rejects.toMatchObject({
      code: 'unsorted',
      table: 'missions',
    });
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await snapshotBytes(store));
    files['missions.ndjson'] = strToU8(
      [second, first, ...rest].map((record) => `${JSON.stringify(record)}\n`).join(''),
    );
    const unsorted = await refusal(zipSync(files));
    expectCode(unsorted, 'unsorted');
    expect(unsorted).toMatchObject({ table: 'missions', line: 2, field: 'id' });
  });

  it('names the table, the line and the field of an invalid record', async () => {
    const store = await seededStore(10);
    const signUps = store.all('signUps');
    const broken = signUps.map((signUp, index) => (index === 2 ? { ...signUp, attendance: 'maybe' } : signUp));
    const error = await refusal(await snapshotBytes(withTable(store, 'signUps', broken)));
    expectCode(error, 'invalid-record');
    expect(error).toMatchObject({ table: 'signUps', line: 3, field: 'attendance' });
    expect(error.message).toMatch(/table signUps, ligne 3, champ attendance/);
    expect(error.message).toMatch(/table signUps, line 3, field attendance/);
  });

  it('refuses a line that is not JSON and a file changed after it was written (checksum)', async () => {
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await snapshotBytes(await seededStore(10)));
    const text = new TextDecoder().decode(files['consents.ndjson']);
    const lines = text.split('\n');
    lines[4] = lines[4]!.slice(0, 20);
    files['consents.ndjson'] = strToU8(lines.join('\n'));
    const error = await refusal(zipSync(files));
    expectCode(error, 'bad-json');
    expect(error).toMatchObject({ table: 'consents', line: 5 });

    // Stored (uncompressed) so that one postcode digit can be changed into another valid postcode: only the
    // archive's checksum can tell.
    const stored = zipSync(unzipSync(await snapshotBytes(await seededStore(5))), { level: 0 });
    const at = new TextDecoder('latin1').decode(stored).indexOf('"postcode":"750') + 14;
    expect(stored[at]).toBe(0x30);
    stored[at] = 0x31;
    const changed = await refusal(stored);
    expectCode(changed, 'corrupt-zip');
    expect(changed.en).toMatch(/checksum/);
  });

  it('refuses a duplicate id', async () => {
    const store = await seededStore(10);
    const [first, ...rest] = store.all('volunteers');
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await snapshotBytes(store));
    const lines = [first, first, ...rest.slice(1)].map((record) => JSON.stringify(record)).join('\n') + '\n';
    files['volunteers.ndjson'] = strToU8(lines);
    const error = await refusal(zipSync(files));
    expectCode(error, 'duplicate');
    expect(error).toMatchObject({ table: 'volunteers', line: 2, field: 'id' });
  });

  it('refuses a missing table and an unexpected file', async () => {
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await snapshotBytes(createMemoryStore()));
    const { ['erasures.ndjson']: _erasures, ...missing } = files;
    expect((await refusal(zipSync(missing))).code).toBe('missing-table');
    expect((await refusal(zipSync({ ...files, 'notes.ndjson': strToU8('') }))).code).toBe('unexpected-entry');
  });

  it('reads an entry whose compressed bytes contain a data-descriptor signature (fflate Unzip would cut it)', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const file = new ZipDeflate('a.bin', { level: 0 });
    zip.add(file);
    const data = new Uint8Array(5000).fill(65);
    data.set([0x50, 0x4b, 0x07, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 1000);
    data.set([0x50, 0x4b, 0x01, 0x02], 2000);
    file.push(data, true);
    zip.end();
    const zipped = await collectBytes(chunksOf(Buffer.concat(chunks)));
    const out: Uint8Array[] = [];
    for await (const event of readZip(chunksOf(zipped, 333))) if (event.type === 'data') out.push(event.bytes);
    expect(Buffer.concat(out).equals(Buffer.from(data))).toBe(true);
  });

  it('stops at the first problem even after good batches (callers validate before writing)', async () => {
    const store = await seededStore(10);
    const volunteers = store.all('volunteers');
    const broken = volunteers.map((volunteer, index) =>
      index === volunteers.length - 1 ? { ...volunteer, ref: 'B-NOTAREF' } : volunteer,
    );
    const seen: number[] = [];
    const reading = (async () => {
      for await (const event of readSnapshot(chunksOf(await snapshotBytes(withTable(store, 'volunteers', broken))), {
        batchSize: 2,
      })) {
        if (event.type === 'records') seen.push(event.records.length);
      }
    })();
    await expect(reading).rejects.toMatchObject({ code: 'invalid-record', table: 'volunteers', field: 'ref' });
    expect(seen.length).toBeGreaterThan(0);
  });
});

async function* writeLying(source: RecordSource) {
  yield* writeSnapshot(source, { deskId: 'desk-x', createdAt: '2026-11-28T09:00:00Z' });
}
