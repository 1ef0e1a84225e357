import { describe, expect, it } from 'vitest';
import { type Volunteer } from '../../../shared/domain/model';
import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../../../shared/domain/tables';
import { createRecord } from '../../../shared/records/record';
import type { RecordSource } from '../../../shared/storage/ports';
import { readSnapshot, writeSnapshot } from '../../../shared/snapshot';

/** V8's longest string on 64-bit platforms: 2^29 − 24 UTF-16 code units (about 512 Mi characters). */
const V8_MAX_STRING_LENGTH = 2 ** 29 - 24;
const NOTES = 'Disponible les soirs ; préfère les missions en extérieur. '.repeat(160).slice(0, 9_500);
const VOLUNTEERS = 58_000;
const CLOCK = '001795856400000-000001-desk-large';

/** Volunteers made on the fly, never held together: long, very compressible notes make a huge table quickly. */
function volunteer(index: number): Volunteer {
  return createRecord<Volunteer>(
    {
      // The Luhn mod 32 check character of 00000000 is 0.
      ref: 'B-000000000',
      firstName: 'Hélène',
      lastName: 'Le Fèvre',
      email: null,
      phone: null,
      postcode: '75116',
      arrondissementInsee: '75116',
      birthDate: null,
      ageBand: null,
      parentalAuthorisation: null,
      guardianName: null,
      guardianPhone: null,
      skills: [],
      languages: ['fr'],
      availability: '',
      notes: NOTES,
      status: 'active',
    },
    {
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      clock: CLOCK,
      createdAt: '2026-01-01T00:00:00Z',
    },
  );
}

const generatedSource: RecordSource = {
  count: async (table: SharedTableName) => (table === 'volunteers' ? VOLUNTEERS : 0),
  records: async function* <T extends SharedTableName>(table: T): AsyncIterable<SharedRecord<T>> {
    if (table !== 'volunteers') return;
    for (let index = 0; index < VOLUNTEERS; index++) yield volunteer(index) as SharedRecord<T>;
  },
};

describe('a snapshot larger than one string can hold', () => {
  it('streams a table of more than 512 MiB of NDJSON from writer to reader in bounded memory', async () => {
    expect(volunteer(0).ref).toMatch(/^B-/);
    let compressed = 0;
    let peakHeap = 0;
    // The writer's bytes go straight into the reader: the archive itself is never held either.
    async function* zipBytes(): AsyncGenerator<Uint8Array> {
      for await (const chunk of writeSnapshot(generatedSource, {
        deskId: 'desk-large',
        createdAt: '2026-11-28T09:00:00Z',
        level: 1,
      })) {
        compressed += chunk.length;
        yield chunk;
      }
    }
    let records = 0;
    let characters = 0;
    let previous = '';
    for await (const event of readSnapshot(zipBytes(), { batchSize: 1_000 })) {
      if (event.type !== 'records') continue;
      for (const record of event.records) {
        const id = (record as Volunteer).id;
        expect(id > previous).toBe(true);
        previous = id;
        characters += JSON.stringify(record).length + 1;
      }
      records += event.records.length;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    expect(records).toBe(VOLUNTEERS);
    expect(characters).toBeGreaterThan(V8_MAX_STRING_LENGTH);
    expect(compressed).toBeLessThan(characters / 20);
    // Bounded: far below the table's size, which could not even be one string.
    expect(peakHeap).toBeLessThan(400 * 1024 * 1024);
    expect(SHARED_TABLE_NAMES).toContain('volunteers');
  }, 180_000);
});
