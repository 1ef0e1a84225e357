import { describe, expect, it } from 'vitest';
import { MISSION_CATEGORIES } from '../../../shared/domain/categories';
import { SHARED_TABLES, SHARED_TABLE_NAMES } from '../../../shared/domain/tables';
import { collectBytes, writeSnapshot } from '../../../shared/snapshot';
import { generateSeed, parisInstant, seedInto } from '../../../shared/seed';
import { createMemoryStore, type MemoryStore } from '../../../shared/storage/memory-store';

const NOW = '2026-11-28T09:00:00Z';

async function seedBytes(volunteers: number, seed: string, now = NOW): Promise<Uint8Array> {
  const dataset = generateSeed({ volunteers, now, seed });
  return collectBytes(writeSnapshot(dataset, { deskId: dataset.deskId, createdAt: dataset.createdAt }));
}

let cached: MemoryStore | null = null;
async function store(): Promise<MemoryStore> {
  if (!cached) {
    cached = createMemoryStore();
    await seedInto(cached, { volunteers: 600, now: NOW, seed: 'coverage' });
  }
  return cached;
}

describe('seed generator', { timeout: 120_000 }, () => {
  it('gives byte-identical snapshots for the same arguments, different ones for another seed or now', async () => {
    const first = await seedBytes(80, 'alpha');
    const second = await seedBytes(80, 'alpha');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(await seedBytes(80, 'beta')).equals(Buffer.from(first))).toBe(false);
    expect(Buffer.from(await seedBytes(80, 'alpha', '2026-12-01T09:00:00Z')).equals(Buffer.from(first))).toBe(false);
  });

  it('makes records that pass the zod schemas, sorted by key, with unique refs', async () => {
    const data = await store();
    for (const table of SHARED_TABLE_NAMES) {
      const { schema, key } = SHARED_TABLES[table];
      const records = data.all(table);
      expect(records.length, table).toBeGreaterThan(0);
      for (const record of records) {
        const parsed = schema.safeParse(record);
        expect(parsed.success, `${table}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
      }
      const keys = records.map((record) => (record as Record<string, string>)[key]!);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const refs = data.all('volunteers').map((volunteer) => volunteer.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const id of data.all('shifts').map((shift) => shift.id)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('covers the whole product: names, places, categories, minors, waiting lists, check-ins, consents, impact', async () => {
    const data = await store();
    const volunteers = data.all('volunteers');
    const names = volunteers.map((volunteer) => `${volunteer.firstName} ${volunteer.lastName}`).join('|');
    expect(names).toMatch(/[éèêëïîôûüç]/);
    expect(names).toMatch(/Œ|œ/);
    expect(names).toMatch(/N'Diaye|N'Guessan|d'Alembert/);
    expect(names).toMatch(/Nguyễn|Trần|Phạm/);
    const postcodes = new Set(volunteers.map((volunteer) => volunteer.postcode));
    expect(postcodes).toContain('75116');
    expect([...postcodes].some((postcode) => postcode !== null && !postcode.startsWith('75'))).toBe(true);
    expect(volunteers.find((volunteer) => volunteer.postcode === '75116')?.arrondissementInsee).toBe('75116');
    expect(volunteers.some((volunteer) => volunteer.parentalAuthorisation === 'received')).toBe(true);
    expect(volunteers.some((volunteer) => volunteer.parentalAuthorisation === 'missing')).toBe(true);

    const missions = data.all('missions');
    expect(new Set(missions.map((mission) => mission.category))).toEqual(new Set(MISSION_CATEGORIES));
    expect(missions.some((mission) => Object.values(mission.impact).some((value) => value !== null))).toBe(true);
    expect(missions.some((mission) => mission.status === 'cancelled' && mission.cancellationReason !== null)).toBe(
      true,
    );

    const shifts = data.all('shifts');
    expect(shifts.some((shift) => shift.seriesId !== null)).toBe(true);
    const hours = (shift: { start: string; end: string }) => (Date.parse(shift.end) - Date.parse(shift.start)) / 3.6e6;
    const night = (start: string) => shifts.find((shift) => Date.parse(shift.start) === Date.parse(start));
    // 22:00 → 06:00 in Paris: 7 h across the spring change, 9 h across the autumn one (domain.md, "Time").
    expect(hours(night(new Date(parisInstant(2026, 3, 28, 22)).toISOString())!)).toBe(7);
    expect(hours(night(new Date(parisInstant(2026, 10, 24, 22)).toISOString())!)).toBe(9);
    // The weekly 10:00 series keeps its wall time: 09:00 UTC in winter, 08:00 UTC in summer.
    expect(shifts.some((shift) => shift.start === '2026-03-22T09:00:00.000Z')).toBe(true);
    expect(shifts.some((shift) => shift.start === '2026-03-29T08:00:00.000Z')).toBe(true);
    expect(shifts.some((shift) => shift.start === '2026-11-01T09:00:00.000Z')).toBe(true);

    const signUps = data.all('signUps');
    const statuses = new Set(signUps.map((signUp) => signUp.status));
    expect(statuses).toEqual(new Set(['signed_up', 'waiting', 'cancelled']));
    expect(signUps.some((signUp) => signUp.toConfirm)).toBe(true);
    expect(new Set(signUps.map((signUp) => signUp.attendance))).toEqual(
      new Set(['unmarked', 'present', 'absent', 'excused']),
    );
    expect(signUps.some((signUp) => signUp.override !== null)).toBe(true);

    const events = data.all('checkinEvents');
    expect(new Set(events.map((event) => event.kind))).toEqual(new Set(['check_in', 'check_out', 'auto_check_out']));
    expect(events.some((event) => event.deleted)).toBe(true);
    const consents = data.all('consents');
    expect(consents.some((consent) => consent.given)).toBe(true);
    expect(consents.some((consent) => !consent.given)).toBe(true);
    expect(data.all('erasures').length).toBeGreaterThan(0);
  });

  it('scales from the number of volunteers (50,000 → about 2,000 missions, 20,000 shifts, 500,000 sign-ups)', () => {
    const { counts } = generateSeed({ volunteers: 5_000, now: NOW, seed: 'scale' });
    expect(counts.volunteers).toBe(5_000);
    expect(counts.missions).toBe(200);
    expect(counts.shifts).toBeGreaterThan(1_600);
    expect(counts.shifts).toBeLessThan(2_400);
    expect(counts.signUps).toBeGreaterThan(40_000);
    expect(counts.signUps).toBeLessThan(60_000);
  });

  it('refuses nonsense options', () => {
    expect(() => generateSeed({ volunteers: -1, now: NOW, seed: 'x' })).toThrow(RangeError);
    expect(() => generateSeed({ volunteers: 10, now: 'yesterday', seed: 'x' })).toThrow(RangeError);
  });
});
