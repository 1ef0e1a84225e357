import { isMinorAt } from '../../../shared/domain/age';
import { cancellationPatch, isLateCancellation } from '../../../shared/domain/cancellation';
import {
  checkinEventSchema,
  signUpSchema,
  type AgeBand,
  type CheckinEvent,
  type Mission,
  type Role,
  type Shift,
  type SignUp,
} from '../../../shared/domain/model';
import { parentalAuthorisationState } from '../../../shared/domain/parental-authorisation';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import type { SignUpDecision } from '../../../shared/domain/signup-decision';
import { promotionsAfterChange } from '../../../shared/domain/waiting-list';
import { createRecord, deleteRecord, updateRecord } from '../../../shared/records/record';
import type { DeskDatabase } from '../database';
import type { DeskContext } from '../desk-context';
import { forEachInPages, rowsWithAnyOf } from '../index-reads';
import { writeTransaction } from '../write';
import type { AuditRepository } from './audit-repository';
import { createConsentsRepository, type ConsentFields } from './consents-repository';
import type { SettingsRepository } from './settings-repository';
import { createSignUpsRepository } from './signups-repository';
import { createVolunteersRepository, type NewVolunteer } from './volunteers-repository';

/**
 * The event desk (product.md, "Event desk"): check-ins and check-outs are events with their own ids, stamped with the
 * device's clock in UTC, the operator and the desk; an undo tombstones the one event it made (architecture.md,
 * rule 7), so merged desks never bring it back. A second check-in is refused with the time of the first, never
 * stored twice. Every write is one transaction.
 */

/** Where a sign-up stands at the desk, from its live events in time order: the last real event decides. */
export type Presence =
  | { readonly state: 'none' }
  | { readonly state: 'here'; readonly since: string }
  | { readonly state: 'left'; readonly at: string; readonly automatic: boolean };

type PresenceEvent = Pick<CheckinEvent, 'signUpId' | 'kind' | 'at' | 'deleted' | 'createdAt'>;

export function presenceFromEvents(signUpId: string, events: Iterable<PresenceEvent>): Presence {
  const own = [...events]
    .filter((event) => !event.deleted && event.signUpId === signUpId)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.createdAt.localeCompare(b.createdAt));
  let presence: Presence = { state: 'none' };
  for (const event of own) {
    if (event.kind === 'check_in') {
      if (presence.state !== 'here') presence = { state: 'here', since: event.at };
    } else {
      presence = { state: 'left', at: event.at, automatic: event.kind === 'auto_check_out' };
    }
  }
  return presence;
}

/** The fields a late cancellation changes on the sign-up it cancels, and on those it promotes from the waiting list. */
type CancelledFields = Pick<
  SignUp,
  'status' | 'cancelledAt' | 'cancellationReason' | 'cancellationCutoffHours' | 'toConfirm' | 'waitingSince'
>;
type PromotedFields = Pick<SignUp, 'status' | 'toConfirm' | 'waitingSince'>;

/** The last desk action, enough to undo it: the event it made and the sign-up's attendance before it. */
export interface DeskAction {
  readonly kind: 'check_in' | 'check_out' | 'no_show' | 'walk_in' | 'late_cancellation';
  readonly signUpId: string;
  readonly eventId: string | null;
  readonly previous: Pick<SignUp, 'attendance' | 'attendanceSource'> & Partial<CancelledFields>;
  /** A walk-in created the sign-up: undo removes it too (the new volunteer's record stays). */
  readonly createdSignUp: boolean;
  /** A late cancellation freed a place: the people it promoted, as they were (undo puts them back on the list). */
  readonly promoted?: readonly { readonly signUpId: string; readonly previous: PromotedFields }[];
}

export type CheckInRefusal =
  | { readonly ok: false; readonly reason: 'already_here'; readonly since: string }
  | { readonly ok: false; readonly reason: 'waiting' | 'cancelled' | 'not_found' };
export type CheckInResult = { readonly ok: true; readonly action: DeskAction; readonly at: string } | CheckInRefusal;
export type CheckOutResult =
  | { readonly ok: true; readonly action: DeskAction; readonly at: string }
  | { readonly ok: false; readonly reason: 'already_left'; readonly at: string }
  | { readonly ok: false; readonly reason: 'not_here' | 'not_found' };
export type NoShowResult =
  | { readonly ok: true; readonly action: DeskAction }
  | { readonly ok: false; readonly reason: 'already_here'; readonly since: string }
  | { readonly ok: false; readonly reason: 'not_found' | 'waiting' | 'cancelled' };
export type LateCancellationResult =
  | { readonly ok: true; readonly action: DeskAction; readonly late: boolean; readonly promoted: number }
  | { readonly ok: false; readonly reason: 'already_here'; readonly since: string }
  | { readonly ok: false; readonly reason: 'not_found' | 'cancelled' };
export type WalkInResult =
  | { readonly ok: true; readonly signUp: SignUp; readonly action: DeskAction | null; readonly volunteerId: string }
  | { readonly ok: false; readonly decision: SignUpDecision };

/** A walk-in: a new person (with the consents asked at the desk) or someone known who had not signed up. */
export type WalkInInput = { readonly shiftId: string; readonly role?: Role } & (
  { readonly volunteer: NewVolunteer; readonly consents: readonly ConsentFields[] } | { readonly volunteerId: string }
);

/** What the desk remembers between reloads (desk-local, never merged): who runs it and on which shifts. */
export interface DeskSession {
  readonly operator: string;
  readonly shiftIds: readonly string[];
  readonly openedAt: string;
  /** Locked after the idle time: a reload must not unlock it. */
  readonly locked: boolean;
  /** Shifts in "presence by default" mode. */
  readonly presenceDefault: readonly string[];
}

/** A volunteer as the desk's in-memory index needs it: no contact details beyond the guardian's phone. */
export interface DeskPerson {
  readonly id: string;
  readonly ref: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly searchKeys: readonly string[];
  readonly birthDate: string | null;
  readonly ageBand: { band: AgeBand; givenOn: string } | null;
  readonly parentalAuthorisation: 'received' | 'missing' | null;
  readonly guardianPhone: string | null;
}

export interface DeskShift {
  readonly shift: Shift;
  readonly mission: Mission | undefined;
}

/** Everything the desk shows for its chosen shifts, read in one go. */
export interface DeskData {
  readonly shifts: readonly DeskShift[];
  readonly signUps: readonly SignUp[];
  readonly events: readonly CheckinEvent[];
  readonly people: ReadonlyMap<string, DeskPerson>;
  /** Sign-ups registered at the desk (walk-ins). */
  readonly walkIns: ReadonlySet<string>;
}

export interface DeskCounters {
  readonly signedUp: number;
  readonly present: number;
  readonly expected: number;
  readonly onSite: number;
  readonly walkIns: number;
}

/** The live counters (product.md): signed up, present, still expected, on site now, walk-ins. */
export function deskCounters(data: Pick<DeskData, 'signUps' | 'events' | 'walkIns'>): DeskCounters {
  const counters = { signedUp: 0, present: 0, expected: 0, onSite: 0, walkIns: 0 };
  const eventsBySignUp = groupBy(data.events, (event) => event.signUpId);
  for (const signUp of data.signUps) {
    if (signUp.deleted || signUp.status !== 'signed_up') continue;
    counters.signedUp++;
    if (data.walkIns.has(signUp.id)) counters.walkIns++;
    const presence = presenceFromEvents(signUp.id, eventsBySignUp.get(signUp.id) ?? []);
    const byDefault = signUp.attendance === 'present' && signUp.attendanceSource === 'desk_presence_default';
    if (presence.state !== 'none' || signUp.attendance === 'present') counters.present++;
    else if (signUp.attendance === 'unmarked') counters.expected++;
    if (presence.state === 'here' || (presence.state === 'none' && byDefault)) counters.onSite++;
  }
  return counters;
}

const SESSION_KEY = 'deskSession';
export const PIN_EXIT_ACTION = 'desk.pin-exit';
const WALK_IN_ACTION = 'desk.walk-in';

/** Thrown inside a walk-in's transaction to roll it back when the sign-up is refused. */
class RefusedSignUp extends Error {
  constructor(readonly decision: SignUpDecision) {
    super('sign-up refused');
  }
}

export function createDeskRepository(
  db: DeskDatabase,
  desk: DeskContext,
  audit: AuditRepository,
  settings: SettingsRepository,
) {
  const volunteers = createVolunteersRepository(db, desk);
  const consents = createConsentsRepository(db, desk, audit);
  const signUps = createSignUpsRepository(db, desk, audit, settings);
  const writeTables = () => [db.signUps, db.checkinEvents, db.auditLog];

  async function liveSignUp(signUpId: string): Promise<SignUp | undefined> {
    const signUp = await db.signUps.get(signUpId);
    return signUp && !signUp.deleted ? signUp : undefined;
  }

  async function presenceOf(signUpId: string): Promise<Presence> {
    return presenceFromEvents(signUpId, await db.checkinEvents.where('signUpId').equals(signUpId).toArray());
  }

  /** Adds one event (inside the caller's transaction). */
  async function addEvent(signUp: SignUp, kind: CheckinEvent['kind'], at: string, tick: () => string) {
    const event = checkinEventSchema.parse(
      createRecord<CheckinEvent>(
        {
          signUpId: signUp.id,
          shiftId: signUp.shiftId,
          volunteerId: signUp.volunteerId,
          kind,
          at,
          operator: desk.operator,
          deskId: desk.deskId,
        },
        { id: desk.newId(), clock: tick(), createdAt: desk.now().toISOString() },
      ),
    );
    await db.checkinEvents.add(event);
    return event;
  }

  async function patchSignUp(signUp: SignUp, patch: Partial<SignUp>, tick: () => string) {
    await db.signUps.put(signUpSchema.parse(updateRecord(signUp, patch, tick())));
  }

  async function checkInInside(signUp: SignUp, tick: () => string, kind: DeskAction['kind']): Promise<CheckInResult> {
    if (signUp.status !== 'signed_up') return { ok: false, reason: signUp.status };
    const presence = await presenceOf(signUp.id);
    if (presence.state === 'here') return { ok: false, reason: 'already_here', since: presence.since };
    const at = desk.now().toISOString();
    const event = await addEvent(signUp, 'check_in', at, tick);
    const previous = { attendance: signUp.attendance, attendanceSource: signUp.attendanceSource };
    // A desk check-in is a presence; "presence by default" stays as it was (both export as the desk's).
    if (signUp.attendance !== 'present')
      await patchSignUp(signUp, { attendance: 'present', attendanceSource: 'desk' }, tick);
    return { ok: true, at, action: { kind, signUpId: signUp.id, eventId: event.id, previous, createdSignUp: false } };
  }

  return {
    async checkIn(signUpId: string): Promise<CheckInResult> {
      return writeTransaction(db, desk, writeTables(), async (tick) => {
        const signUp = await liveSignUp(signUpId);
        if (!signUp) return { ok: false, reason: 'not_found' };
        return checkInInside(signUp, tick, 'check_in');
      });
    },

    /** A departure: after a check-in, or for someone counted present by default who never checked in. */
    async checkOut(signUpId: string): Promise<CheckOutResult> {
      return writeTransaction(db, desk, writeTables(), async (tick) => {
        const signUp = await liveSignUp(signUpId);
        if (!signUp || signUp.status !== 'signed_up') return { ok: false, reason: 'not_found' };
        const presence = await presenceOf(signUpId);
        if (presence.state === 'left' && !presence.automatic)
          return { ok: false, reason: 'already_left', at: presence.at };
        const byDefault = signUp.attendance === 'present' && signUp.attendanceSource === 'desk_presence_default';
        if (presence.state === 'none' && !byDefault) return { ok: false, reason: 'not_here' };
        const at = desk.now().toISOString();
        const event = await addEvent(signUp, 'check_out', at, tick);
        const previous = { attendance: signUp.attendance, attendanceSource: signUp.attendanceSource };
        return {
          ok: true,
          at,
          action: { kind: 'check_out', signUpId, eventId: event.id, previous, createdSignUp: false },
        };
      });
    },

    /** Absent, recorded by the desk; refused for someone already here. */
    async markNoShow(signUpId: string): Promise<NoShowResult> {
      return writeTransaction(db, desk, writeTables(), async (tick) => {
        const signUp = await liveSignUp(signUpId);
        if (!signUp) return { ok: false, reason: 'not_found' };
        if (signUp.status !== 'signed_up') return { ok: false, reason: signUp.status };
        const presence = await presenceOf(signUpId);
        if (presence.state === 'here') return { ok: false, reason: 'already_here', since: presence.since };
        const previous = { attendance: signUp.attendance, attendanceSource: signUp.attendanceSource };
        await patchSignUp(signUp, { attendance: 'absent', attendanceSource: 'desk' }, tick);
        await audit.append('desk.no-show', signUp.volunteerId, { signUpId, shiftId: signUp.shiftId });
        return { ok: true, action: { kind: 'no_show', signUpId, eventId: null, previous, createdSignUp: false } };
      });
    },

    /**
     * A late cancellation noted at the desk (someone phones to say they will not come): the sign-up is cancelled as
     * the sign-ups screen would (the cut-off in force stored, so the export says `excuse` when it is late), the freed
     * place goes to the waiting list, and the audit log has the operator and the desk. Refused for someone already
     * here; a person on the waiting list may be taken off it the same way.
     */
    async markLateCancellation(signUpId: string): Promise<LateCancellationResult> {
      const current = await settings.get();
      return writeTransaction(db, desk, [...writeTables(), db.shifts], async (tick) => {
        const signUp = await liveSignUp(signUpId);
        if (!signUp) return { ok: false, reason: 'not_found' };
        if (signUp.status === 'cancelled') return { ok: false, reason: 'cancelled' };
        const presence = await presenceOf(signUpId);
        if (presence.state === 'here') return { ok: false, reason: 'already_here', since: presence.since };
        const shift = await db.shifts.get(signUp.shiftId);
        if (!shift) return { ok: false, reason: 'not_found' };
        const previous = {
          attendance: signUp.attendance,
          attendanceSource: signUp.attendanceSource,
          status: signUp.status,
          cancelledAt: signUp.cancelledAt,
          cancellationReason: signUp.cancellationReason,
          cancellationCutoffHours: signUp.cancellationCutoffHours,
          toConfirm: signUp.toConfirm,
          waitingSince: signUp.waitingSince,
        };
        const patch = { ...cancellationPatch(current, desk.now().toISOString(), null), waitingSince: null };
        // "Presence by default" counted them present: a cancellation is not a presence.
        const attendance =
          signUp.attendanceSource === 'desk_presence_default'
            ? { attendance: 'unmarked' as const, attendanceSource: null }
            : {};
        const cancelled = { ...signUp, ...patch, ...attendance };
        await patchSignUp(signUp, { ...patch, ...attendance }, tick);
        const late = isLateCancellation(cancelled, shift, current.cancellationCutoffHours);
        await audit.append('desk.late-cancellation', signUp.volunteerId, { signUpId, shiftId: signUp.shiftId, late });
        const others = (await db.signUps.where('shiftId').equals(signUp.shiftId).toArray()).filter(
          (other) => !other.deleted && other.id !== signUpId,
        );
        const promoted: { signUpId: string; previous: PromotedFields }[] = [];
        for (const promotion of promotionsAfterChange(shift, [...others, cancelled])) {
          const waiting = others.find((other) => other.id === promotion.signUpId);
          if (!waiting) continue;
          await patchSignUp(waiting, promotion.patch, tick);
          await audit.append('signup.promote', waiting.volunteerId, { signUpId: waiting.id, shiftId: shift.id });
          promoted.push({
            signUpId: waiting.id,
            previous: { status: waiting.status, toConfirm: waiting.toConfirm, waitingSince: waiting.waitingSince },
          });
        }
        return {
          ok: true,
          late,
          promoted: promoted.length,
          action: { kind: 'late_cancellation', signUpId, eventId: null, previous, createdSignUp: false, promoted },
        };
      });
    },

    /**
     * Undo: the action's event is tombstoned with a new clock, the sign-up put back as it was (attendance, and for a
     * late cancellation its status, with the people it promoted back on the waiting list).
     */
    async undo(action: DeskAction): Promise<void> {
      await writeTransaction(db, desk, writeTables(), async (tick) => {
        if (action.eventId) {
          const event = await db.checkinEvents.get(action.eventId);
          if (event && !event.deleted) await db.checkinEvents.put(deleteRecord(event, tick()));
        }
        for (const { signUpId, previous } of action.promoted ?? []) {
          const promoted = await liveSignUp(signUpId);
          if (promoted) await patchSignUp(promoted, previous, tick);
        }
        const signUp = await db.signUps.get(action.signUpId);
        if (!signUp || signUp.deleted) return;
        if (action.createdSignUp) await db.signUps.put(deleteRecord(signUp, tick()));
        else await patchSignUp(signUp, action.previous, tick);
        await audit.append('desk.undo', signUp.volunteerId, { signUpId: signUp.id, kind: action.kind });
      });
    },

    /**
     * At the shift's end, everyone still checked in gets an automatic check-out at the end time; the roster lists
     * them for review. Idempotent: a second call finds nobody still here.
     */
    async autoCheckOut(shiftId: string): Promise<number> {
      return writeTransaction(db, desk, [...writeTables(), db.shifts], async (tick) => {
        const shift = await db.shifts.get(shiftId);
        if (!shift || shift.deleted || Date.parse(shift.end) > desk.now().getTime()) return 0;
        const [shiftSignUps, events] = await Promise.all([
          db.signUps.where('shiftId').equals(shiftId).toArray(),
          db.checkinEvents.where('shiftId').equals(shiftId).toArray(),
        ]);
        let count = 0;
        for (const signUp of shiftSignUps) {
          if (signUp.deleted || signUp.status !== 'signed_up') continue;
          if (presenceFromEvents(signUp.id, events).state !== 'here') continue;
          await addEvent(signUp, 'auto_check_out', shift.end, tick);
          count++;
        }
        return count;
      });
    },

    /**
     * "Presence by default": everyone signed up and not yet marked counts present (the exceptions are then marked
     * absent); switched off, those presences go back to unmarked.
     */
    async setPresenceDefault(shiftId: string, on: boolean): Promise<number> {
      return writeTransaction(db, desk, writeTables(), async (tick) => {
        const shiftSignUps = await db.signUps.where('[shiftId+status]').equals([shiftId, 'signed_up']).toArray();
        let count = 0;
        for (const signUp of shiftSignUps) {
          if (signUp.deleted) continue;
          if (on && signUp.attendance === 'unmarked') {
            await patchSignUp(signUp, { attendance: 'present', attendanceSource: 'desk_presence_default' }, tick);
            count++;
          } else if (!on && signUp.attendanceSource === 'desk_presence_default' && signUp.attendance === 'present') {
            await patchSignUp(signUp, { attendance: 'unmarked', attendanceSource: null }, tick);
            count++;
          }
        }
        await audit.append('desk.presence-default', null, { shiftId, on, count });
        return count;
      });
    },

    /**
     * A walk-in in one transaction: the new volunteer and their consents, the sign-up under the usual rules (or the
     * waiting list when the shift is full), and the check-in when they got a place. A refusal rolls everything back.
     */
    async walkIn(input: WalkInInput): Promise<WalkInResult> {
      const tables = [
        db.volunteers,
        db.consents,
        db.signUps,
        db.shifts,
        db.missions,
        db.checkinEvents,
        db.auditLog,
        db.settings,
        db.desk,
      ];
      try {
        return await db.transaction('rw', tables, async () => {
          let volunteerId: string;
          if ('volunteerId' in input) volunteerId = input.volunteerId;
          else {
            volunteerId = (await volunteers.create(input.volunteer)).id;
            for (const consent of input.consents) await consents.record(volunteerId, consent);
          }
          const result = await signUps.signUp(volunteerId, input.shiftId, input.role ?? 'volunteer', {
            kind: 'waiting-list',
          });
          if (!result.ok) throw new RefusedSignUp(result.decision);
          const signUp = result.signUp;
          await audit.append(WALK_IN_ACTION, volunteerId, { signUpId: signUp.id, shiftId: input.shiftId });
          if (signUp.status !== 'signed_up') return { ok: true, signUp, action: null, volunteerId };
          const checkedIn = await writeTransaction(db, desk, writeTables(), (tick) =>
            checkInInside(signUp, tick, 'walk_in'),
          );
          const action = checkedIn.ok ? { ...checkedIn.action, createdSignUp: true } : null;
          return { ok: true, signUp, action, volunteerId };
        });
      } catch (error) {
        if (error instanceof RefusedSignUp) return { ok: false, decision: error.decision };
        throw error;
      }
    },

    /**
     * Re-entry of a paper sign-in sheet (the day the laptop died): ticked or not, with the times written by hand as
     * corrections, so the export says `liste_papier` (city-export.md).
     */
    async recordPaper(
      signUpId: string,
      entry: { present: boolean; arrival: string | null; departure: string | null },
    ): Promise<void> {
      await writeTransaction(db, desk, writeTables(), async (tick) => {
        const signUp = await liveSignUp(signUpId);
        if (!signUp) throw new Error(`Sign-up ${signUpId} not found`);
        await patchSignUp(
          signUp,
          {
            attendance: entry.present ? 'present' : 'absent',
            attendanceSource: 'paper',
            correctedArrival: entry.present ? entry.arrival : null,
            correctedDeparture: entry.present ? entry.departure : null,
          },
          tick,
        );
        await audit.append('desk.paper-entry', signUp.volunteerId, { signUpId, ...entry });
      });
    },

    /** Shifts to offer when opening the desk: those overlapping [from, to). */
    async shiftsBetween(from: string, to: string): Promise<DeskShift[]> {
      // A shift that started up to a day before `from` may still be running.
      const earliest = new Date(Date.parse(from) - 86_400_000).toISOString();
      const shifts = (await db.shifts.where('start').between(earliest, to, true, false).toArray()).filter(
        (shift) => !shift.deleted && Date.parse(shift.end) > Date.parse(from),
      );
      const missions = await db.missions.bulkGet([...new Set(shifts.map((shift) => shift.missionId))]);
      const byId = new Map(missions.flatMap((mission) => (mission ? [[mission.id, mission] as const] : [])));
      return shifts
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((shift) => ({ shift, mission: byId.get(shift.missionId) }));
    },

    /** The chosen shifts with their sign-ups, events and people: what the screen and the counters show. */
    async data(shiftIds: readonly string[]): Promise<DeskData> {
      const shifts = (await db.shifts.bulkGet([...shiftIds])).filter(
        (shift): shift is Shift => shift !== undefined && !shift.deleted,
      );
      const ids = shifts.map((shift) => shift.id);
      const [missions, allSignUps, events, walkInEntries] = await Promise.all([
        db.missions.bulkGet([...new Set(shifts.map((shift) => shift.missionId))]),
        // One getAll per shift, not Dexie's anyOf cursor (a round trip per row; issue #12).
        rowsWithAnyOf(db.signUps, 'shiftId', ids),
        rowsWithAnyOf(db.checkinEvents, 'shiftId', ids),
        db.auditLog.where('action').equals(WALK_IN_ACTION).toArray(),
      ]);
      const missionById = new Map(missions.flatMap((mission) => (mission ? [[mission.id, mission] as const] : [])));
      const liveSignUps = allSignUps.filter((signUp) => !signUp.deleted);
      const volunteerRows = await db.volunteers.bulkGet([...new Set(liveSignUps.map((s) => s.volunteerId))]);
      const people = new Map<string, DeskPerson>();
      for (const volunteer of volunteerRows)
        if (volunteer && !volunteer.deleted) people.set(volunteer.id, toPerson(volunteer));
      const live = new Set(liveSignUps.map((signUp) => signUp.id));
      const walkIns = new Set(
        walkInEntries.map((entry) => String(entry.details.signUpId)).filter((signUpId) => live.has(signUpId)),
      );
      return {
        shifts: shifts.map((shift) => ({ shift, mission: missionById.get(shift.missionId) })),
        signUps: liveSignUps,
        events: events.filter((event) => !event.deleted),
        people,
        walkIns,
      };
    },

    /** Every live volunteer, reduced to what the desk's in-memory search index needs. */
    async people(): Promise<DeskPerson[]> {
      const people: DeskPerson[] = [];
      await forEachInPages(db.volunteers, (volunteer) => {
        if (!volunteer.deleted) people.push(toPerson(volunteer));
      });
      return people;
    },

    async session(): Promise<DeskSession | null> {
      const row = await db.uiPreferences.get(SESSION_KEY);
      return (row?.value as DeskSession | undefined) ?? null;
    },

    async saveSession(session: DeskSession): Promise<void> {
      await db.uiPreferences.put({ key: SESSION_KEY, value: session });
    },

    /**
     * Leaves desk-only mode (after the coordinator's PIN). Audited (product.md, "Privacy"): from here every screen,
     * every person's data, is open again on this laptop.
     */
    async endSession(): Promise<void> {
      await db.transaction('rw', db.uiPreferences, db.auditLog, async () => {
        const open = await db.uiPreferences.get(SESSION_KEY);
        await db.uiPreferences.delete(SESSION_KEY);
        if (open) await audit.append(PIN_EXIT_ACTION, null);
      });
    },
  };
}

export type DeskRepository = ReturnType<typeof createDeskRepository>;

/** Minor without the parental authorisation the mission requires, at the shift's date. */
export function lacksAuthorisation(person: DeskPerson, mission: Mission | undefined, shift: Shift): boolean {
  if (!mission) return false;
  return parentalAuthorisationState(person, mission, parisLocalDate(shift.start)) === 'missing';
}

export function isMinorOn(person: DeskPerson, shift: Shift): boolean {
  return isMinorAt(person, parisLocalDate(shift.start));
}

/** A volunteer reduced to what the desk shows and searches (the index Worker reads them the same way). */
export function toPerson(volunteer: DeskPerson): DeskPerson {
  return {
    id: volunteer.id,
    ref: volunteer.ref,
    firstName: volunteer.firstName,
    lastName: volunteer.lastName,
    searchKeys: volunteer.searchKeys,
    birthDate: volunteer.birthDate,
    ageBand: volunteer.ageBand,
    parentalAuthorisation: volunteer.parentalAuthorisation,
    guardianPhone: volunteer.guardianPhone,
  };
}

function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
