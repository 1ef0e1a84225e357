import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDesk } from '../../../electron/cli/desk';
import type { Erasure, Volunteer } from '../../../shared/domain/model';
import { SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { canonicalJson, duplicatePairId } from '../../../shared/merge';
import { encodeHlc } from '../../../shared/records/hlc';
import { createRecord, deleteRecord, updateRecord } from '../../../shared/records/record';
import { seedInto } from '../../../shared/seed';
import { collectBytes, loadSnapshot, writeSnapshot } from '../../../shared/snapshot';
import { createMemoryStore, type MemoryStore } from '../../../shared/storage/memory-store';

const folder = mkdtempSync(join(tmpdir(), 'desk-merge-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const NOW = '2026-11-28T09:00:00Z';
const later = (deskId: string, minutes: number) =>
  encodeHlc({ wallMs: Date.parse(NOW) + 86_400_000 + minutes * 60_000, counter: 0, deskId });

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

async function seeded(seed: string): Promise<MemoryStore> {
  const store = createMemoryStore();
  await seedInto(store, { volunteers: 50, now: NOW, seed });
  return store;
}

async function save(store: MemoryStore, name: string, deskId: string): Promise<string> {
  const path = join(folder, name);
  writeFileSync(path, await collectBytes(writeSnapshot(store, { deskId, createdAt: NOW })));
  return path;
}

async function read(path: string): Promise<MemoryStore> {
  const store = createMemoryStore();
  await loadSnapshot(() => createReadStream(path), store);
  return store;
}

describe('desk merge', { timeout: 120_000 }, () => {
  let deskA: string;
  let deskB: string;
  let other: string;
  let target: Volunteer;
  let erased: Volunteer;

  beforeAll(async () => {
    // One association's data on two desks, each edited on its own; and a third desk seeded differently.
    const a = await seeded('paris');
    const b = await seeded('paris');
    const volunteers = a.all('volunteers').filter((volunteer) => !volunteer.deleted);
    target = volunteers[0] as Volunteer;
    erased = volunteers[1] as Volunteer;
    await a.writeBatch('volunteers', [updateRecord(target, { notes: 'Vu au bureau A' }, later('desk-a', 1))]);
    await b.writeBatch('volunteers', [
      updateRecord(target, { phone: '+33698765432', notes: 'Vu au bureau B' }, later('desk-b', 2)),
    ]);
    const event = b.all('checkinEvents').find((record) => !record.deleted);
    if (event) await b.writeBatch('checkinEvents', [deleteRecord(event, later('desk-b', 3))]);
    const erasure: Erasure = {
      volunteerId: erased.id,
      erasedAt: '2026-11-29T10:00:00.000Z',
      replacementRef: 'B-11111111M',
    };
    await b.writeBatch('erasures', [erasure]);
    // The same person registered again on desk B under a new id.
    const twin = createRecord<Volunteer>(
      {
        ...target,
        id: undefined,
        createdAt: undefined,
        clocks: undefined,
        deleted: undefined,
        ref: 'B-HHHHHHHHG',
      } as never,
      { id: 'ffffffff-0000-4000-8000-000000000001', clock: later('desk-b', 4), createdAt: '2026-11-29T10:00:00.000Z' },
    );
    await b.writeBatch('volunteers', [twin]);
    deskA = await save(a, 'desk-a.zip', 'desk-a');
    deskB = await save(b, 'desk-b.zip', 'desk-b');
    other = await save(await seeded('lyon'), 'other.zip', 'desk-c');
  });

  it('merges two desks into a valid snapshot, edits from both kept, the erasure applied, the twin on review', async () => {
    const out = join(folder, 'ab.zip');
    const run = capture();
    expect(await runDesk(['merge', deskA, deskB, '--out', out], run.io)).toBe(0);
    expect(run.out[0]).toMatch(/^Fusion écrite/);
    expect(run.out[1]).toMatch(/^Merge written/);
    expect(run.out.join('\n')).toMatch(/^Conflits résolus : \d+ ; doublons possibles à revoir ajoutés : [1-9]/m);
    expect(run.out.join('\n')).toMatch(/^Conflicts resolved: \d+; possible duplicates added for review: [1-9]/m);
    expect(await runDesk(['validate', out], capture().io)).toBe(0);

    const merged = await read(out);
    const volunteers = merged.all('volunteers');
    expect(volunteers.find((volunteer) => volunteer.id === target.id)).toMatchObject({
      phone: '+33698765432',
      notes: 'Vu au bureau B',
    });
    const anonymous = volunteers.find((volunteer) => volunteer.id === erased.id);
    expect(anonymous).toMatchObject({ firstName: '', lastName: '', email: null, ref: 'B-11111111M' });
    const reviewIds = merged.all('reviewItems').map((item) => item.id);
    expect(reviewIds).toContain(duplicatePairId(target.id, 'ffffffff-0000-4000-8000-000000000001'));
    expect(readdirSync(folder).some((name) => name.endsWith('.partial'))).toBe(false);
  });

  it('gives byte-identical files in either order', async () => {
    for (const [x, y] of [
      [deskA, deskB],
      [deskA, other],
    ] as const) {
      const forward = join(folder, 'forward.zip');
      const backward = join(folder, 'backward.zip');
      rmSync(forward, { force: true });
      rmSync(backward, { force: true });
      expect(await runDesk(['merge', x, y, '--out', forward], capture().io)).toBe(0);
      expect(await runDesk(['merge', y, x, '--out', backward], capture().io)).toBe(0);
      expect(readFileSync(forward).equals(readFileSync(backward))).toBe(true);
    }
  });

  it('adds the tables of two unrelated desks, and merging the result again changes nothing', async () => {
    const out = join(folder, 'ac.zip');
    expect(await runDesk(['merge', deskA, other, '--out', out], capture().io)).toBe(0);
    const [a, c, ac] = await Promise.all([read(deskA), read(other), read(out)]);
    for (const table of SHARED_TABLE_NAMES) {
      if (table === 'reviewItems') continue;
      expect(await ac.count(table)).toBe((await a.count(table)) + (await c.count(table)));
    }
    const again = join(folder, 'ac-again.zip');
    expect(await runDesk(['merge', out, out, '--out', again], capture().io)).toBe(0);
    const twice = await read(again);
    for (const table of SHARED_TABLE_NAMES) expect(canonicalJson(twice.all(table))).toBe(canonicalJson(ac.all(table)));
  });

  it('refuses bad usage, a missing file and a damaged snapshot', async () => {
    expect(await runDesk(['merge', deskA, '--out', join(folder, 'x.zip')], capture().io)).toBe(2);
    expect(await runDesk(['merge', deskA, deskB], capture().io)).toBe(2);
    expect(
      await runDesk(['merge', deskA, join(folder, 'none.zip'), '--out', join(folder, 'x.zip')], capture().io),
    ).toBe(2);
    const damaged = join(folder, 'damaged.zip');
    writeFileSync(damaged, readFileSync(deskA).subarray(0, 2_000));
    const run = capture();
    expect(await runDesk(['merge', deskA, damaged, '--out', join(folder, 'x.zip')], run.io)).toBe(1);
    expect(run.err[0]).toMatch(/^Sauvegarde invalide/);
    expect(readdirSync(folder)).not.toContain('x.zip');
  });
});
