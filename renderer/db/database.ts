import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Alias,
  AuditEntry,
  CheckinEvent,
  Consent,
  Erasure,
  ExportLogEntry,
  Mission,
  ReviewItem,
  Settings,
  Shift,
  SignUp,
  Volunteer,
} from '../../shared/domain/model';
import { forEachInPages } from './index-reads';
import { signUpTombstonesMiddleware, TOMBSTONES_TABLE, type SignUpTombstoneRow } from './sign-up-tombstones';
import { syncJournalMiddleware, type SyncJournalRow } from './sync-journal';
import { reportUpgradeProgress } from './upgrade-progress';

/** A volunteer as stored: the record plus the folded search keys derived from it (recomputed on every write). */
export type StoredVolunteer = Volunteer & { searchKeys: string[] };

/** Desk-local key/value rows (rule 7: never merged, never taken from a restored backup). */
export interface DeskRow {
  key: 'desk';
  deskId: string;
  createdAt: string;
  /** The last hybrid-logical-clock value this desk produced or saw, so clocks survive a restart. */
  lastClock: string | null;
}
export interface SettingsRow extends Settings {
  key: 'settings';
}
export interface KeyValueRow {
  key: string;
  value: unknown;
}
/**
 * What a desk knows of one CouchDB document of one sync target (issue 14): the `_rev` it last saw and a digest of
 * the record as last synced, so a push sends only what changed here and names the revision it replaces.
 * Desk-local: never merged, never in a snapshot.
 */
export interface SyncDocRow {
  /** The server and database, e.g. `https://couch.example.org/asso-paris`: a desk can be pointed at another one. */
  target: string;
  /** `<table>:<key>`. */
  docId: string;
  rev: string;
  digest: string;
}

export const DATABASE_NAME = 'desk-climat';

/** An upgrade that reads a table reports its progress every this many rows (forEachInPages' page size). */
const UPGRADE_REPORT_EVERY = 2_000;

/**
 * The one Dexie class (architecture.md, rule 6). Versions are append-only: never edit a published version's schema,
 * add `this.version(n + 1)` with an upgrade and a migration test that builds the previous schema.
 *
 * Indexes serve the queries of product.md: volunteers by reference, e-mail, phone, name, postcode, arrondissement,
 * status, skill and folded search keys (multi-entry); missions by category, status and arrondissement; shifts by
 * mission and by start (planning week, today's desk); sign-ups by shift, volunteer and shift+status (fill rates,
 * waiting list); check-in events by sign-up and shift (the desk's counters); logs by time.
 */
export class DeskDatabase extends Dexie {
  volunteers!: EntityTable<StoredVolunteer, 'id'>;
  consents!: EntityTable<Consent, 'id'>;
  missions!: EntityTable<Mission, 'id'>;
  shifts!: EntityTable<Shift, 'id'>;
  signUps!: EntityTable<SignUp, 'id'>;
  checkinEvents!: EntityTable<CheckinEvent, 'id'>;
  aliases!: EntityTable<Alias, 'id'>;
  reviewItems!: EntityTable<ReviewItem, 'id'>;
  auditLog!: EntityTable<AuditEntry, 'id'>;
  exportLog!: EntityTable<ExportLogEntry, 'id'>;
  erasures!: EntityTable<Erasure, 'volunteerId'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  desk!: EntityTable<DeskRow, 'key'>;
  syncState!: EntityTable<KeyValueRow, 'key'>;
  uiPreferences!: EntityTable<KeyValueRow, 'key'>;
  syncDocs!: Table<SyncDocRow, [string, string]>;
  syncJournal!: EntityTable<SyncJournalRow, 'key'>;
  signUpTombstones!: EntityTable<SignUpTombstoneRow, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Version 2 (issue 14, CouchDB sync): the known revision of each synced document. A new table only: no upgrade
    // function, existing rows are untouched; a desk that never synced has it empty. Checkpoints stay in syncState.
    this.version(2).stores(SCHEMA_V2);
    // Version 3 (issue 14, no full scan per sync): the journal of written shared records (renderer/db/sync-journal.ts).
    // A new table only: no upgrade function; the journal is trusted only after the next full push, so records
    // written before it existed are still found.
    this.version(3).stores(SCHEMA_V3);
    // Version 4 (issue #12, the planning's fill by counts): the sign-ups that are tombstones, by shift
    // (renderer/db/sign-up-tombstones.ts). The upgrade notes the tombstones already stored: one pass over the
    // sign-ups, once (a city's 500,000 take a while; a desk's few thousand, a moment).
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (transaction) => {
        const rows: SignUpTombstoneRow[] = [];
        let read = 0;
        await forEachInPages(transaction.table<SignUp, string>('signUps'), (signUp) => {
          if (signUp.deleted) rows.push({ id: signUp.id, shiftId: signUp.shiftId, status: signUp.status });
          // One report per page: the start-up notice shows the count, so a long upgrade is seen to move.
          if (++read % UPGRADE_REPORT_EVERY === 0) reportUpgradeProgress(read);
        });
        await transaction.table(TOMBSTONES_TABLE).bulkPut(rows);
      });
    this.use(syncJournalMiddleware);
    this.use(signUpTombstonesMiddleware);
  }
}

/** Version 1 of the schema, exported so that migration tests can build it as it was. */
export const SCHEMA_V1 = {
  volunteers:
    'id, &ref, email, phone, lastName, postcode, arrondissementInsee, status, birthDate, *skills, *searchKeys',
  consents: 'id, volunteerId, [volunteerId+purpose]',
  missions: 'id, category, status, arrondissementInsee',
  shifts: 'id, missionId, start, seriesId, [missionId+start]',
  signUps: 'id, shiftId, volunteerId, [shiftId+status], [volunteerId+shiftId]',
  checkinEvents: 'id, signUpId, shiftId, at',
  aliases: 'id, fromVolunteerId, toVolunteerId',
  reviewItems: 'id, kind, state',
  auditLog: 'id, at, action, subjectId',
  exportLog: 'id, at, *volunteerIds',
  erasures: 'volunteerId',
  settings: 'key',
  desk: 'key',
  syncState: 'key',
  uiPreferences: 'key',
} as const;

/** Version 2: what changes from version 1 (Dexie keeps the tables not named). */
export const SCHEMA_V2 = {
  syncDocs: '[target+docId], target',
} as const;

/** Version 3: the sync's change journal (desk-local, never in a snapshot). */
export const SCHEMA_V3 = {
  syncJournal: 'key',
} as const;

/** Version 4: the sign-ups' tombstones by shift (desk-local, never in a snapshot). */
export const SCHEMA_V4 = {
  [TOMBSTONES_TABLE]: 'id, shiftId',
} as const;
