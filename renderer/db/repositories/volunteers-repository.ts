import { arrondissementFromPostcode } from '../../../shared/domain/paris';
import { volunteerSchema, type Volunteer } from '../../../shared/domain/model';
import { matchesSearch, parseSearchQuery, searchKeys } from '../../../shared/domain/text-folding';
import { generateVolunteerRef } from '../../../shared/domain/volunteer-ref';
import { createRecord, updateRecord } from '../../../shared/records/record';
import type { DeskDatabase, StoredVolunteer } from '../database';
import type { DeskContext } from '../desk-context';
import { writeTransaction } from '../write';

/** What a form provides to create a volunteer; the repository adds id, reference, clocks and derived fields. */
export type NewVolunteer = Omit<Volunteer, 'id' | 'createdAt' | 'clocks' | 'deleted' | 'ref' | 'arrondissementInsee'>;

type Bookkeeping = 'id' | 'createdAt' | 'clocks' | 'ref';

/** Volunteers: queries and transactions. Derived fields (arrondissement, search keys) are computed here, on write. */
export function createVolunteersRepository(db: DeskDatabase, desk: DeskContext) {
  async function uniqueRef(): Promise<string> {
    // 32^8 references: a clash is very unlikely, but a reference must never be given twice.
    for (;;) {
      const ref = generateVolunteerRef();
      if ((await db.volunteers.where('ref').equals(ref).count()) === 0) return ref;
    }
  }

  return {
    async create(input: NewVolunteer): Promise<StoredVolunteer> {
      return writeTransaction(db, desk, [db.volunteers], async (tick) => {
        const record = createRecord<Volunteer>(
          { ...input, ref: await uniqueRef(), arrondissementInsee: arrondissementOf(input.postcode) },
          { id: desk.newId(), clock: tick(), createdAt: desk.now().toISOString() },
        );
        const stored = withSearchKeys(volunteerSchema.parse(record));
        await db.volunteers.add(stored);
        return stored;
      });
    },

    async update(id: string, patch: Partial<Omit<Volunteer, Bookkeeping>>): Promise<StoredVolunteer> {
      return writeTransaction(db, desk, [db.volunteers], async (tick) => {
        const existing = await db.volunteers.get(id);
        if (!existing) throw new Error(`Volunteer ${id} not found`);
        const { searchKeys: _keys, ...record } = existing;
        const derived = patch.postcode !== undefined ? { arrondissementInsee: arrondissementOf(patch.postcode) } : {};
        const updated = withSearchKeys(volunteerSchema.parse(updateRecord(record, { ...patch, ...derived }, tick())));
        await db.volunteers.put(updated);
        return updated;
      });
    },

    get(id: string): Promise<StoredVolunteer | undefined> {
      return db.volunteers.get(id);
    },

    async count(): Promise<number> {
      let count = 0;
      await db.volunteers.each((volunteer) => {
        if (!volunteer.deleted) count++;
      });
      return count;
    },

    /**
     * Search that forgives accents, case, hyphens and particles (product.md). The multi-entry `searchKeys` index
     * narrows the candidates with the query's longest token; every token is then checked on the candidates.
     */
    async search(query: string, limit: number): Promise<StoredVolunteer[]> {
      const parsed = parseSearchQuery(query);
      if (parsed.alternatives.length === 0) {
        return db.volunteers
          .orderBy('lastName')
          .filter((volunteer) => !volunteer.deleted)
          .limit(limit)
          .toArray();
      }
      // One index range per alternative: its longest prefix is the most selective.
      const prefixes = parsed.alternatives
        .map((alternative) => alternative.reduce((a, b) => (b.length > a.length ? b : a), ''))
        .filter((prefix) => prefix !== '');
      const candidates = await db.volunteers
        .where('searchKeys')
        .startsWithAnyOf(prefixes)
        .distinct()
        .filter((volunteer) => !volunteer.deleted && matchesSearch(volunteer.searchKeys, parsed))
        .limit(limit)
        .toArray();
      return candidates.sort(byName);
    },
  };
}

export type VolunteersRepository = ReturnType<typeof createVolunteersRepository>;

function arrondissementOf(postcode: string | null): string | null {
  return postcode ? (arrondissementFromPostcode(postcode)?.insee ?? null) : null;
}

function withSearchKeys(volunteer: Volunteer): StoredVolunteer {
  return { ...volunteer, searchKeys: searchKeys(volunteer) };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
function byName(a: StoredVolunteer, b: StoredVolunteer): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
}
