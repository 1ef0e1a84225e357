import type { DuplicateCandidate, PersonIdentity } from '../../../shared/domain/duplicates';
import { arrondissementFromPostcode } from '../../../shared/domain/paris';
import { isMinorAt } from '../../../shared/domain/age';
import { volunteerSchema, type Consent, type Volunteer, type VolunteerStatus } from '../../../shared/domain/model';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { currentConsents } from './consents-repository';
import { quickPhoneSearchDigits } from '../../../shared/domain/phone-quick';
import { matchesSearch, parseSearchQuery, volunteerSearchKeys } from '../../../shared/domain/text-folding';
import { generateVolunteerRef } from '../../../shared/domain/volunteer-ref';
import { createRecord, updateRecord } from '../../../shared/records/record';
import type { DeskDatabase, StoredVolunteer } from '../database';
import type { DeskContext } from '../desk-context';
import { writeTransaction } from '../write';
import { forEachInPages } from '../index-reads';

/** What a form provides to create a volunteer; the repository adds id, reference, clocks and derived fields. */
export type NewVolunteer = Omit<Volunteer, 'id' | 'createdAt' | 'clocks' | 'deleted' | 'ref' | 'arrondissementInsee'>;

type Bookkeeping = 'id' | 'createdAt' | 'clocks' | 'ref';

export interface VolunteerFilters {
  status?: VolunteerStatus | null;
  arrondissementInsee?: string | null;
  skill?: string | null;
  /** Minors today (from the date of birth or the age band given). */
  minorsOnly?: boolean;
  /** Only people whose current consent to sharing with the City of Paris is given. */
  citySharingOnly?: boolean;
}

/** Volunteers: queries and transactions. Derived fields (arrondissement, search keys) are computed here, on write. */
export function createVolunteersRepository(db: DeskDatabase, desk: DeskContext) {
  async function uniqueRef(): Promise<string> {
    // 32^8 references: a clash is very unlikely, but a reference must never be given twice.
    for (;;) {
      const ref = generateVolunteerRef();
      if ((await db.volunteers.where('ref').equals(ref).count()) === 0) return ref;
    }
  }

  async function filterPredicate(filters: VolunteerFilters): Promise<(volunteer: StoredVolunteer) => boolean> {
    const today = parisLocalDate(desk.now().toISOString());
    const sharing = filters.citySharingOnly ? await volunteersWithCitySharing() : null;
    return (volunteer) =>
      (!filters.status || volunteer.status === filters.status) &&
      (!filters.arrondissementInsee || volunteer.arrondissementInsee === filters.arrondissementInsee) &&
      (!filters.skill || volunteer.skills.includes(filters.skill)) &&
      (!filters.minorsOnly || isMinorAt(volunteer, today)) &&
      (!sharing || sharing.has(volunteer.id));
  }

  async function volunteersWithCitySharing(): Promise<Set<string>> {
    const byVolunteer = new Map<string, Consent[]>();
    await forEachInPages(db.consents, (consent) => {
      if (consent.purpose === 'city_sharing')
        byVolunteer.set(consent.volunteerId, [...(byVolunteer.get(consent.volunteerId) ?? []), consent]);
    });
    const given = new Set<string>();
    for (const [volunteerId, consents] of byVolunteer)
      if (currentConsents(consents).city_sharing?.given) given.add(volunteerId);
    return given;
  }

  /**
   * The list as it opens (no text, no filter): the first live people in name order, read by the name index in one
   * `getAll` instead of a cursor that fetches and filters the records one by one (issue #12: 500 round trips to the
   * database before the landing screen's first row). Tombstones (people merged away) are rare: when some are among
   * the rows read, the read is made longer by as many and repeated, so the page is still filled up to the limit.
   */
  async function firstLiveByName(limit: number): Promise<StoredVolunteer[]> {
    let size = limit;
    for (;;) {
      const rows = await db.volunteers.orderBy('lastName').limit(size).toArray();
      const live = rows.filter((volunteer) => !volunteer.deleted);
      if (live.length >= limit || rows.length < size) return live.slice(0, limit).sort(byName);
      size += limit - live.length;
    }
  }

  return {
    async create(input: NewVolunteer): Promise<StoredVolunteer> {
      // No await when the phone's shape allows: the walk-in creates its volunteer inside its own transaction
      // (desk-repository.ts), where awaiting a module load would end it early.
      const searchKeys = keysWithoutLibrary(input.phone) ?? (await searchKeysModule()).searchKeys;
      return writeTransaction(db, desk, [db.volunteers], async (tick) => {
        const record = createRecord<Volunteer>(
          { ...input, ref: await uniqueRef(), arrondissementInsee: arrondissementOf(input.postcode) },
          { id: desk.newId(), clock: tick(), createdAt: desk.now().toISOString() },
        );
        const volunteer = volunteerSchema.parse(record);
        const stored: StoredVolunteer = { ...volunteer, searchKeys: searchKeys(volunteer) };
        await db.volunteers.add(stored);
        return stored;
      });
    },

    async update(id: string, patch: Partial<Omit<Volunteer, Bookkeeping>>): Promise<StoredVolunteer> {
      // Fetched before the transaction opens (the stored phone is not known yet): awaiting a module inside would end it.
      const { searchKeys } = await searchKeysModule();
      return writeTransaction(db, desk, [db.volunteers], async (tick) => {
        const existing = await db.volunteers.get(id);
        if (!existing) throw new Error(`Volunteer ${id} not found`);
        const { searchKeys: _keys, ...record } = existing;
        const derived = patch.postcode !== undefined ? { arrondissementInsee: arrondissementOf(patch.postcode) } : {};
        const volunteer = volunteerSchema.parse(updateRecord(record, { ...patch, ...derived }, tick()));
        const updated: StoredVolunteer = { ...volunteer, searchKeys: searchKeys(volunteer) };
        await db.volunteers.put(updated);
        return updated;
      });
    },

    async get(id: string): Promise<StoredVolunteer | undefined> {
      const volunteer = await db.volunteers.get(id);
      return volunteer && !volunteer.deleted ? volunteer : undefined;
    },

    /**
     * People who may be the same as `person` (the one rule of architecture.md: e-mail, phone, or name and date of
     * birth), looked up through the indexes rather than by scanning everyone.
     */
    async findPossibleDuplicates(person: PersonIdentity): Promise<DuplicateCandidate<StoredVolunteer>[]> {
      const { findDuplicateCandidates } = await import('../../../shared/domain/duplicates');
      const found = new Map<string, StoredVolunteer>();
      const add = (volunteers: StoredVolunteer[]) =>
        volunteers.forEach((volunteer) => found.set(volunteer.id, volunteer));
      if (person.email) add(await db.volunteers.where('email').equalsIgnoreCase(person.email.trim()).toArray());
      if (person.phone) add(await db.volunteers.where('phone').equals(person.phone).toArray());
      if (person.birthDate) add(await db.volunteers.where('birthDate').equals(person.birthDate).toArray());
      return findDuplicateCandidates(person, found.values());
    },

    /**
     * Live volunteers without reading them all (issue #12: it was a scan of 50,000 records on every change): the
     * store's own count, minus the tombstones. A volunteer is only ever deleted by being merged into another
     * (shared/merge/merge-people.ts), which always leaves an alias from it, so the tombstones are among the aliases'
     * sources — a small table. A tombstone without an alias (none is made today) would be counted as live.
     */
    async count(): Promise<number> {
      return db.transaction('r', db.volunteers, db.aliases, async () => {
        const [total, aliases] = await Promise.all([db.volunteers.count(), db.aliases.toArray()]);
        const sources = [...new Set(aliases.map((alias) => alias.fromVolunteerId))];
        const tombstones = (await db.volunteers.bulkGet(sources)).filter((volunteer) => volunteer?.deleted).length;
        return total - tombstones;
      });
    },

    /**
     * Search that forgives accents, case, hyphens and particles (product.md). The multi-entry `searchKeys` index
     * narrows the candidates with the query's longest token; every token is then checked on the candidates.
     */
    async search(query: string, limit: number, filters: VolunteerFilters = {}): Promise<StoredVolunteer[]> {
      const parsed = parseSearchQuery(query);
      const keep = await filterPredicate(filters);
      const accept = (volunteer: StoredVolunteer) =>
        !volunteer.deleted &&
        keep(volunteer) &&
        (parsed.alternatives.length === 0 || matchesSearch(volunteer.searchKeys, parsed));
      if (parsed.alternatives.length === 0 && !hasFilter(filters)) return firstLiveByName(limit);
      if (parsed.alternatives.length === 0) {
        // No text: start from the most selective filter's index, else the name order.
        const start = filters.arrondissementInsee
          ? db.volunteers.where('arrondissementInsee').equals(filters.arrondissementInsee)
          : filters.skill
            ? db.volunteers.where('skills').equals(filters.skill)
            : filters.status
              ? db.volunteers.where('status').equals(filters.status)
              : db.volunteers.orderBy('lastName');
        return (await start.filter(accept).limit(limit).toArray()).sort(byName);
      }
      // One index range per alternative: its longest prefix is the most selective.
      const prefixes = parsed.alternatives
        .map((alternative) => alternative.reduce((a, b) => (b.length > a.length ? b : a), ''))
        .filter((prefix) => prefix !== '');
      const candidates = await db.volunteers
        .where('searchKeys')
        .startsWithAnyOf(prefixes)
        .distinct()
        .filter(accept)
        .limit(limit)
        .toArray();
      return candidates.sort(byName);
    },

    /** Every skill in use, for the filter. */
    async skills(): Promise<string[]> {
      return (await db.volunteers.orderBy('skills').uniqueKeys()).map(String);
    },
  };
}

export type VolunteersRepository = ReturnType<typeof createVolunteersRepository>;

function hasFilter(filters: VolunteerFilters): boolean {
  return Boolean(
    filters.status || filters.arrondissementInsee || filters.skill || filters.minorsOnly || filters.citySharingOnly,
  );
}

function arrondissementOf(postcode: string | null): string | null {
  return postcode ? (arrondissementFromPostcode(postcode)?.insee ?? null) : null;
}

/**
 * Search keys with libphonenumber for phones of any shape (shared/domain/search-keys.ts): fetched by the writes that
 * need it, not at start-up (issue #12).
 */
const searchKeysModule = () => import('../../../shared/domain/search-keys');

/**
 * How to compute the keys of a volunteer with this phone without libphonenumber, or null when the phone's shape needs
 * it. Never null for a number normalisePhone gave (shared/domain/phone-quick.ts), as the forms and the walk-in do.
 */
function keysWithoutLibrary(phone: string | null): ((volunteer: Volunteer) => string[]) | null {
  const phoneDigits = phone === null ? [] : quickPhoneSearchDigits(phone);
  return phoneDigits === null ? null : (volunteer) => volunteerSearchKeys(volunteer, phoneDigits);
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
function byName(a: StoredVolunteer, b: StoredVolunteer): number {
  return collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
}
