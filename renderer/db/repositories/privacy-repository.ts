import type { DuplicateRule } from '../../../shared/domain/duplicates';
import { identityNeedles, removeMentions } from '../../../shared/domain/identity-mentions';
import type { Alias, Erasure, ExportLogEntry, ReviewItem, SignUp, Volunteer } from '../../../shared/domain/model';
import {
  planRetention,
  PURGED_GUARDIAN_FIELDS,
  retentionPolicyOf,
  type RetentionAction,
} from '../../../shared/domain/retention';
import { generateVolunteerRef } from '../../../shared/domain/volunteer-ref';
// The merge's modules one by one, not its index: the index also holds the duplicate review, which needs
// libphonenumber (shared/domain/duplicates.ts) and is fetched by the two actions that use it (issue #12).
import { createErasurePolicy, ERASED_VOLUNTEER_FIELDS, type ErasurePolicy } from '../../../shared/merge/erasure';
import { mergePeople } from '../../../shared/merge/merge-people';
import { deleteRecord, updateRecord, type MergeableBase } from '../../../shared/records/record';
import type { Table } from 'dexie';
import type { DeskDatabase, StoredVolunteer } from '../database';
import type { DeskContext } from '../desk-context';
import { writeTransaction } from '../write';
import type { AuditRepository } from './audit-repository';
import type { SettingsRepository } from './settings-repository';

/**
 * People's rights (product.md, "Privacy"; GDPR art. 17 and 5(1)(e)): erasure of one volunteer, the retention policy
 * and the review of possible duplicates. Each action is ONE transaction with its audit entry: a failure half-way
 * leaves the store as it was.
 *
 * Erasure goes through the erasure register (shared/merge/erasure.ts), so that no merge, restore or pull brings the
 * person back; this repository also removes what the register alone does not reach on this desk: consents, the free
 * texts of the person's sign-ups, copies of their name or contacts in unrelated audit entries and export reasons.
 */

export const ERASE_ACTION = 'volunteer.erase';
export const RETENTION_ACTION = 'retention.apply';
export const MERGE_PEOPLE_ACTION = 'volunteers.merge';
export const DISMISS_DUPLICATE_ACTION = 'duplicates.dismiss';

export class ErasureRefused extends Error {
  constructor(readonly reason: 'unknown' | 'already_erased') {
    super(`Erasure refused: ${reason}`);
  }
}

export interface RetentionPlanRow {
  readonly action: RetentionAction;
  readonly volunteer: StoredVolunteer;
}

export interface DuplicateReview {
  readonly item: ReviewItem;
  readonly first: StoredVolunteer;
  readonly second: StoredVolunteer;
  readonly rules: DuplicateRule[];
  /** Sign-ups of each, to tell the two records apart. */
  readonly signUpCounts: readonly [number, number];
}

type SearchKeysOf = (volunteer: Volunteer) => string[];
const withSearchKeys =
  (searchKeys: SearchKeysOf) =>
  (volunteer: Volunteer): StoredVolunteer => ({ ...volunteer, searchKeys: searchKeys(volunteer) });
const withoutSearchKeys = ({ searchKeys: _keys, ...volunteer }: StoredVolunteer): Volunteer => volunteer;

/** The tables whose records carry free text and merge per field; the logs and aliases are handled above. */
const FREE_TEXT_TABLES = [
  'volunteers',
  'consents',
  'missions',
  'shifts',
  'signUps',
  'checkinEvents',
  'reviewItems',
] as const;

export function createPrivacyRepository(
  db: DeskDatabase,
  desk: DeskContext,
  audit: AuditRepository,
  settings: SettingsRepository,
) {
  const erasureTables = () => [
    db.volunteers,
    db.consents,
    db.signUps,
    db.aliases,
    db.reviewItems,
    db.auditLog,
    db.exportLog,
    db.erasures,
    db.missions,
    db.shifts,
    db.checkinEvents,
  ];

  /** The person and every record linked to them by aliases, either direction (one person across merges). */
  async function aliasGroup(volunteerId: string): Promise<string[]> {
    const group = new Set([volunteerId]);
    const queue = [volunteerId];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      const links = await db.aliases.where('fromVolunteerId').equals(id).or('toVolunteerId').equals(id).toArray();
      for (const link of links) {
        for (const other of [link.fromVolunteerId, link.toVolunteerId]) {
          if (!group.has(other)) {
            group.add(other);
            queue.push(other);
          }
        }
      }
    }
    return [...group];
  }

  async function exportsContaining(volunteerIds: readonly string[]): Promise<ExportLogEntry[]> {
    const entries = await db.exportLog.where('volunteerIds').anyOf(volunteerIds).distinct().toArray();
    return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** New random references, given to nobody else (city-export.md: they link to no earlier export). */
  async function freshReferences(count: number): Promise<string[]> {
    const used = new Set((await db.erasures.toArray()).map((erasure) => erasure.replacementRef));
    const refs: string[] = [];
    while (refs.length < count) {
      const ref = generateVolunteerRef();
      if (used.has(ref) || (await db.volunteers.where('ref').equals(ref).count()) > 0) continue;
      used.add(ref);
      refs.push(ref);
    }
    return refs;
  }

  /**
   * Erase people inside the caller's transaction: one or many (retention), with one pass over the logs whatever the
   * number. Every id must be a live, not yet erased volunteer (checked by the callers). Returns each one's new
   * reference and the alias groups.
   */
  async function eraseInside(
    volunteerIds: readonly string[],
    tick: () => string,
    searchKeys: SearchKeysOf,
  ): Promise<{ replacementRefs: Map<string, string>; groups: Map<string, string[]> }> {
    const groups = new Map<string, string[]>();
    for (const id of volunteerIds) groups.set(id, await aliasGroup(id));
    const everyone = new Set([...groups.values()].flat());
    const ids = [...everyone];
    const people = (await db.volunteers.bulkGet(ids)).filter((row): row is StoredVolunteer => row !== undefined);
    const needles = [...new Set(people.flatMap((person) => identityNeedles(person)))];

    const erasedAt = desk.now().toISOString();
    const refs = await freshReferences(volunteerIds.length);
    const replacementRefs = new Map(volunteerIds.map((id, i) => [id, refs[i] as string]));
    await db.erasures.bulkAdd(
      volunteerIds.map((volunteerId): Erasure => ({
        volunteerId,
        erasedAt,
        replacementRef: replacementRefs.get(volunteerId) as string,
      })),
    );
    const policy = createErasurePolicy(await db.erasures.toArray(), await db.aliases.toArray());

    // Identity and contacts: blanked with a fresh clock, so this desk's erasure also wins field by field.
    await db.volunteers.bulkPut(
      people.map((person) => {
        const ref = policy.replacementRef(person.id) ?? person.ref;
        const patch = { ...ERASED_VOLUNTEER_FIELDS, skills: [], languages: [], ref };
        return withSearchKeys(searchKeys)(updateRecord(withoutSearchKeys(person), patch, tick()));
      }),
    );
    // Consents say nothing once nobody is left to have given them; they are withdrawn (tombstones).
    const consents = await db.consents.where('volunteerId').anyOf(ids).toArray();
    await db.consents.bulkPut(consents.filter((c) => !c.deleted).map((consent) => deleteRecord(consent, tick())));
    // Participations stay (hours, figures); their free texts may name the person or their circumstances.
    const signUps = [];
    for (const signUp of await db.signUps.where('volunteerId').anyOf(ids).toArray()) {
      const patch: Partial<SignUp> = {
        cancellationReason: signUp.cancellationReason === null ? null : '',
        declaredReason: signUp.declaredReason === null ? null : '',
        override: signUp.override === null ? null : { ...signUp.override, reason: '' },
      };
      const next = updateRecord(signUp, patch, tick());
      if (JSON.stringify(next.clocks) !== JSON.stringify(signUp.clocks)) signUps.push(next);
    }
    await db.signUps.bulkPut(signUps);
    const aliases = [];
    for (const alias of await db.aliases.toArray()) {
      if (!everyone.has(alias.fromVolunteerId) && !everyone.has(alias.toVolunteerId)) continue;
      const erased = policy.eraseAlias(alias);
      if (erased.fromRef !== alias.fromRef) aliases.push(updateRecord(alias, { fromRef: erased.fromRef }, tick()));
    }
    await db.aliases.bulkPut(aliases);
    const open = await db.reviewItems.where('state').equals('open').toArray();
    await db.reviewItems.bulkPut(
      open
        .filter((item) => item.recordIds.some((id) => everyone.has(id)))
        .map((item) => updateRecord(item, { state: 'resolved' as const }, tick())),
    );
    // Audit entries: those about the person lose their texts (the register's rule); others lose copies of the name.
    const redacted = [];
    for (const entry of await db.auditLog.toArray()) {
      const linked = policy.redactAuditEntry(entry);
      const next = linked !== entry ? linked : { ...entry, details: removeMentions(entry.details, needles) };
      if (next.details !== entry.details) redacted.push(next);
    }
    await db.auditLog.bulkPut(redacted);
    const reasons = [];
    for (const entry of await db.exportLog.toArray()) {
      const reason = removeMentions(entry.reason, needles);
      if (reason !== entry.reason) reasons.push({ ...entry, reason });
    }
    await db.exportLog.bulkPut(reasons);
    await scrubFreeTexts(createErasurePolicy(await db.erasures.toArray(), await db.aliases.toArray(), people), tick);
    return { replacementRefs, groups };
  }

  /**
   * Copies of the erased people's name or contacts written as free text in any other record of this desk (another
   * volunteer's notes, a mission's referent or description, a review item's summary, someone else's sign-up reason)
   * go now, with a fresh clock so that other desks receive the cleaned text; the register's policy also removes them
   * at every later merge, restore and pull (shared/merge/erasure.ts). One pass per table, whatever the number erased:
   * at city scale a few seconds, for an action taken rarely and after a confirmation.
   */
  async function scrubFreeTexts(policy: ErasurePolicy, tick: () => string): Promise<void> {
    for (const table of FREE_TEXT_TABLES) {
      const changed: MergeableBase[] = [];
      await (db[table] as unknown as Table<MergeableBase>).each((record) => {
        if (table === 'volunteers' && policy.erasedIds.has(record.id)) return;
        const cleaned = policy.applyTo(table, record as never) as unknown as Record<string, unknown>;
        if (cleaned === (record as unknown)) return;
        const patch = Object.fromEntries(
          Object.entries(cleaned).filter(
            ([field, value]) => (record as unknown as Record<string, unknown>)[field] !== value,
          ),
        );
        changed.push(updateRecord(record, patch, tick()));
      });
      await (db[table] as unknown as Table<MergeableBase>).bulkPut(changed);
    }
  }

  /** Erasure needs a live volunteer not erased yet (through any alias). */
  async function checkErasable(volunteerId: string): Promise<void> {
    const volunteer = await db.volunteers.get(volunteerId);
    if (!volunteer || volunteer.deleted) throw new ErasureRefused('unknown');
    const erased = createErasurePolicy(await db.erasures.toArray(), await db.aliases.toArray()).erasedIds;
    if (erased.has(volunteerId)) throw new ErasureRefused('already_erased');
  }

  async function currentPlan(): Promise<RetentionAction[]> {
    const [volunteers, signUps, shifts, erasures, aliases, current] = await Promise.all([
      db.volunteers.toArray(),
      db.signUps.toArray(),
      db.shifts.toArray(),
      db.erasures.toArray(),
      db.aliases.toArray(),
      settings.get(),
    ]);
    const erasedIds = createErasurePolicy(erasures, aliases).erasedIds;
    return planRetention(
      { volunteers, signUps, shifts, erasedIds, now: desk.now().toISOString() },
      retentionPolicyOf(current),
    );
  }

  return {
    /** Every earlier export (export log) that carried the person or a record merged with them, oldest first. */
    async exportsContaining(volunteerId: string): Promise<ExportLogEntry[]> {
      return exportsContaining(await aliasGroup(volunteerId));
    },

    /** The reference an erased volunteer's participations carry, or null when the person is not erased. */
    async erasedReference(volunteerId: string): Promise<string | null> {
      const policy = createErasurePolicy(await db.erasures.toArray(), await db.aliases.toArray());
      return policy.replacementRef(volunteerId);
    },

    /** Erase one volunteer (GDPR art. 17), in one transaction with its audit entry. */
    async erase(volunteerId: string): Promise<{ replacementRef: string }> {
      // Fetched before the transaction opens: awaiting a module load inside it would end it early.
      const { searchKeys } = await searchKeysModule();
      return writeTransaction(db, desk, erasureTables(), async (tick) => {
        await checkErasable(volunteerId);
        const group = await aliasGroup(volunteerId);
        // Listed before the erasure: the export log keeps its ids, but read it while the person is still whole.
        const exports = await exportsContaining(group);
        const { replacementRefs } = await eraseInside([volunteerId], tick, searchKeys);
        // No name here: only ids and counts (the entry is about an erased person).
        await audit.append(ERASE_ACTION, volunteerId, {
          linkedVolunteerIds: group.filter((id) => id !== volunteerId),
          earlierExports: exports.length,
          exportIds: exports.map((entry) => entry.id),
        });
        return { replacementRef: replacementRefs.get(volunteerId) as string };
      });
    },

    /** What the retention policy would do now, with the people it concerns, for the review screen. */
    async retentionPlan(): Promise<RetentionPlanRow[]> {
      const plan = await currentPlan();
      const people = await db.volunteers.bulkGet(plan.map((action) => action.volunteerId));
      return plan.flatMap((action, i) => {
        const volunteer = people[i];
        return volunteer ? [{ action, volunteer }] : [];
      });
    },

    /**
     * Apply the reviewed plan in one transaction: only the actions that were shown AND still hold now (a sign-up made
     * since the review protects its person). One audit entry, with ids and counts only.
     */
    async applyRetention(reviewed: readonly RetentionAction[]): Promise<{ anonymised: number; purged: number }> {
      const { searchKeys } = await searchKeysModule();
      return writeTransaction(db, desk, [...erasureTables(), db.settings], async (tick) => {
        const fresh = new Set((await currentPlan()).map((action) => `${action.kind}:${action.volunteerId}`));
        const actions = reviewed.filter((action) => fresh.has(`${action.kind}:${action.volunteerId}`));
        // The plan never lists an erased person, and a person once: the whole group is erased in one pass.
        const anonymised = actions.filter((action) => action.kind === 'anonymise').map((action) => action.volunteerId);
        if (anonymised.length > 0) await eraseInside(anonymised, tick, searchKeys);
        const purged: string[] = [];
        for (const action of actions) {
          if (action.kind !== 'purge_guardian') continue;
          const volunteer = await db.volunteers.get(action.volunteerId);
          if (!volunteer) continue;
          await db.volunteers.put(
            withSearchKeys(searchKeys)(updateRecord(withoutSearchKeys(volunteer), PURGED_GUARDIAN_FIELDS, tick())),
          );
          purged.push(action.volunteerId);
        }
        const policy = retentionPolicyOf(await settings.get());
        await audit.append(RETENTION_ACTION, null, {
          anonymisedIds: anonymised,
          purgedGuardianIds: purged,
          inactiveMonths: policy.inactiveMonths,
        });
        return { anonymised: anonymised.length, purged: purged.length };
      });
    },

    /**
     * Look through this desk's volunteers for the same person under two ids (the one rule) and add a review item for
     * each pair not already suggested or decided. Nothing is merged. Returns how many were added.
     */
    async findDuplicates(): Promise<number> {
      const [{ createDuplicateIndex }, { duplicatePairId, suggestionFor }] = await Promise.all([
        duplicatesModule(),
        duplicateReviewModule(),
      ]);
      return writeTransaction(db, desk, [db.volunteers, db.reviewItems], async () => {
        const people = (await db.volunteers.toArray()).filter((volunteer) => !volunteer.deleted);
        const decided = new Set<string>();
        for (const item of await db.reviewItems.where('kind').equals('possible_duplicate').toArray()) {
          for (const a of item.recordIds)
            for (const b of item.recordIds) if (a !== b) decided.add(duplicatePairId(a, b));
        }
        const index = createDuplicateIndex(people);
        const added = new Map<string, ReviewItem>();
        for (const person of people) {
          for (const { person: other } of index.find(person)) {
            const id = duplicatePairId(person.id, other.id);
            if (decided.has(id) || added.has(id)) continue;
            added.set(id, suggestionFor(person, other));
          }
        }
        await db.reviewItems.bulkAdd([...added.values()]);
        return added.size;
      });
    },

    /** The open possible-duplicate items whose two records are both still there, live and not erased. */
    async pendingDuplicates(): Promise<DuplicateReview[]> {
      const { samePersonRules } = await duplicatesModule();
      const items = await db.reviewItems.where('state').equals('open').toArray();
      const erased = createErasurePolicy(await db.erasures.toArray(), await db.aliases.toArray()).erasedIds;
      const reviews: DuplicateReview[] = [];
      for (const item of items) {
        if (item.deleted || item.kind !== 'possible_duplicate' || item.recordIds.length !== 2) continue;
        const [first, second] = await db.volunteers.bulkGet(item.recordIds);
        if (!first || !second || first.deleted || second.deleted) continue;
        if (erased.has(first.id) || erased.has(second.id)) continue;
        const counts = await Promise.all(
          [first.id, second.id].map((id) =>
            db.signUps
              .where('volunteerId')
              .equals(id)
              .filter((signUp) => !signUp.deleted)
              .count(),
          ),
        );
        reviews.push({
          item,
          first,
          second,
          rules: samePersonRules(first, second),
          signUpCounts: [counts[0] ?? 0, counts[1] ?? 0],
        });
      }
      return reviews.sort((a, b) => (a.item.createdAt < b.item.createdAt ? -1 : 1));
    },

    /** "Same person": merge the two (the older reference is kept, the other becomes an alias), one transaction. */
    async mergeDuplicate(itemId: string): Promise<{ keptId: string; mergedId: string }> {
      const tables = [
        db.volunteers,
        db.consents,
        db.signUps,
        db.checkinEvents,
        db.aliases,
        db.reviewItems,
        db.auditLog,
      ];
      const { searchKeys } = await searchKeysModule();
      return writeTransaction(db, desk, [...tables, db.erasures], async (tick) => {
        const item = await db.reviewItems.get(itemId);
        if (!item || item.recordIds.length !== 2) throw new Error(`Unknown review item ${itemId}`);
        const ids = item.recordIds;
        const volunteers = (await db.volunteers.bulkGet(ids))
          .filter((row): row is StoredVolunteer => row !== undefined)
          .map(withoutSearchKeys);
        const input = {
          volunteers,
          consents: await db.consents.where('volunteerId').anyOf(ids).toArray(),
          signUps: await db.signUps.where('volunteerId').anyOf(ids).toArray(),
          checkinEvents: await db.checkinEvents.filter((event) => ids.includes(event.volunteerId)).toArray(),
          aliases: await db.aliases.toArray(),
          erasures: await db.erasures.toArray(),
          reviewItems: await db.reviewItems.where('kind').equals('possible_duplicate').toArray(),
        };
        const result = mergePeople(input, ids[0] as string, ids[1] as string, tick());
        const { dataset } = result;
        await db.volunteers.bulkPut(dataset.volunteers.map(withSearchKeys(searchKeys)));
        await db.consents.bulkPut([...dataset.consents]);
        await db.signUps.bulkPut([...dataset.signUps]);
        await db.checkinEvents.bulkPut([...dataset.checkinEvents]);
        await db.aliases.bulkPut([...dataset.aliases] as Alias[]);
        // The item itself is resolved by mergePeople; make sure it is, whatever its recorded ids' order.
        const reviewItems = dataset.reviewItems.map((review) =>
          review.id === itemId && review.state === 'open'
            ? updateRecord(review, { state: 'resolved' }, tick())
            : review,
        );
        await db.reviewItems.bulkPut(reviewItems);
        await audit.append(MERGE_PEOPLE_ACTION, result.keptId, {
          keptId: result.keptId,
          mergedId: result.mergedId,
          reviewItemId: itemId,
        });
        return { keptId: result.keptId, mergedId: result.mergedId };
      });
    },

    /**
     * "Not the same person": the item is resolved with this desk's clock, which wins over the merge's derived clock,
     * so the pair is never suggested again (shared/merge/review.ts) — here, or after any later merge.
     */
    async dismissDuplicate(itemId: string): Promise<void> {
      await writeTransaction(db, desk, [db.reviewItems, db.auditLog], async (tick) => {
        const item = await db.reviewItems.get(itemId);
        if (!item) throw new Error(`Unknown review item ${itemId}`);
        await db.reviewItems.put(updateRecord(item, { state: 'resolved' }, tick()));
        await audit.append(DISMISS_DUPLICATE_ACTION, null, { reviewItemId: itemId, volunteerIds: item.recordIds });
      });
    },
  };
}

export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;

/**
 * Search keys, the duplicate rule and its review need libphonenumber: fetched by the actions that use them, each
 * before its transaction opens, not at start-up (issue #12).
 */
const searchKeysModule = () => import('../../../shared/domain/search-keys');
const duplicatesModule = () => import('../../../shared/domain/duplicates');
const duplicateReviewModule = () => import('../../../shared/merge/review');
