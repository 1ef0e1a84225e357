import type { Consent, Mission, Shift, SignUp } from '../../../shared/domain/model';
import { toEpochMs } from '../../../shared/domain/paris-time';
import { calendarChangeMs, invitationMethod, type InvitationMethod } from '../../../shared/messaging/invitation';
import type { DeskDatabase } from '../database';
import { rowsWithAnyOf } from '../index-reads';
import type { AuditRepository } from './audit-repository';
import { currentConsents } from './consents-repository';

/**
 * Who to reach (issue #15): the people of a shift, a mission or a chosen list, with what the messaging module needs —
 * address, phone, current newsletter and SMS consents. Bulk preparations and reminder marks are audit entries: the
 * log is append-only and merged by union, so a reminder marked at one desk is seen at every desk after a merge,
 * without a new table.
 */

export const CONTACT_PREPARED_ACTION = 'contact.prepare';
export const REMINDER_MARKED_ACTION = 'contact.reminded';
/** An `.ics` invitation, update or cancellation saved for one person: its METHOD and SEQUENCE, to know what is due. */
export const INVITATION_SAVED_ACTION = 'contact.invitation';

export interface ContactPerson {
  readonly volunteerId: string;
  readonly ref: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly newsletterConsent: boolean;
  readonly smsConsent: boolean;
  /** The sign-up the message is about, when the list is a shift's. */
  readonly signUp?: SignUp;
}

export interface ReminderRow {
  readonly person: ContactPerson;
  readonly signUp: SignUp;
  readonly shift: Shift;
  readonly mission: Mission | undefined;
  /** The latest reminder mark: when, by whom, at which desk. */
  readonly reminded: { at: string; operator: string; deskId: string } | null;
}

export interface CalendarFileSent {
  readonly at: string;
  readonly method: InvitationMethod;
  readonly sequence: number;
}

/**
 * One person's calendar file for one shift: what their situation calls for now (an invitation, or a cancellation once
 * their sign-up or the shift is off) and what was last sent to them. `due` says a file was sent and is out of date:
 * the shift's time or the mission's place changed since (an update to send), or they are no longer expected (a
 * cancellation to send).
 */
export interface CalendarRow {
  readonly person: ContactPerson;
  readonly signUp: SignUp;
  readonly shift: Shift;
  readonly mission: Mission;
  readonly method: InvitationMethod;
  readonly sent: CalendarFileSent | null;
  readonly due: boolean;
}

/** Sign-ups that count as "coming": on the list, promoted ones still to confirm included; not the waiting list. */
const isComing = (signUp: SignUp) => !signUp.deleted && signUp.status === 'signed_up';

export function createContactRepository(db: DeskDatabase, audit: AuditRepository) {
  // Reads by many keys go through rowsWithAnyOf (one getAll per key), not Dexie's anyOf cursor, a round trip per row:
  // a mission's or a weekend's recipients are thousands of sign-ups at city scale (issue #12).
  async function people(volunteerIds: readonly string[]): Promise<Map<string, ContactPerson>> {
    const ids = [...new Set(volunteerIds)];
    const [volunteers, consents] = await Promise.all([
      db.volunteers.bulkGet(ids),
      rowsWithAnyOf(db.consents, 'volunteerId', ids),
    ]);
    const byVolunteer = new Map<string, Consent[]>();
    for (const consent of consents)
      byVolunteer.set(consent.volunteerId, [...(byVolunteer.get(consent.volunteerId) ?? []), consent]);
    const result = new Map<string, ContactPerson>();
    for (const volunteer of volunteers) {
      if (!volunteer || volunteer.deleted) continue;
      const current = currentConsents(byVolunteer.get(volunteer.id) ?? []);
      result.set(volunteer.id, {
        volunteerId: volunteer.id,
        ref: volunteer.ref,
        firstName: volunteer.firstName,
        lastName: volunteer.lastName,
        email: volunteer.email,
        phone: volunteer.phone,
        newsletterConsent: current.newsletter?.given === true,
        smsConsent: current.sms?.given === true,
      });
    }
    return result;
  }

  async function remindedMarks(signUpIds: readonly string[]) {
    const entries = await rowsWithAnyOf(db.auditLog, 'subjectId', signUpIds);
    const marks = new Map<string, { at: string; operator: string; deskId: string }>();
    for (const entry of entries) {
      if (entry.action !== REMINDER_MARKED_ACTION || entry.subjectId === null) continue;
      const previous = marks.get(entry.subjectId);
      if (!previous || entry.at > previous.at) {
        marks.set(entry.subjectId, { at: entry.at, operator: entry.operator, deskId: entry.deskId });
      }
    }
    return marks;
  }

  async function sentFiles(signUpIds: readonly string[]) {
    const entries = await rowsWithAnyOf(db.auditLog, 'subjectId', signUpIds);
    const sent = new Map<string, CalendarFileSent>();
    for (const entry of entries) {
      if (entry.action !== INVITATION_SAVED_ACTION || entry.subjectId === null) continue;
      const { method, sequence } = entry.details as { method?: unknown; sequence?: unknown };
      if ((method !== 'REQUEST' && method !== 'CANCEL') || typeof sequence !== 'number') continue;
      const previous = sent.get(entry.subjectId);
      // The highest SEQUENCE is what the person's calendar holds (entries from two desks may interleave in time).
      if (!previous || sequence > previous.sequence || (sequence === previous.sequence && entry.at > previous.at)) {
        sent.set(entry.subjectId, { at: entry.at, method, sequence });
      }
    }
    return sent;
  }

  /** Calendar rows of sign-ups on the list or cancelled (the waiting list is not expected, so has nothing to drop). */
  async function calendarRows(signUps: readonly SignUp[]): Promise<CalendarRow[]> {
    const relevant = signUps.filter(
      (signUp) => !signUp.deleted && (signUp.status === 'signed_up' || signUp.status === 'cancelled'),
    );
    const shifts = await db.shifts.bulkGet([...new Set(relevant.map((signUp) => signUp.shiftId))]);
    const shiftById = new Map(shifts.flatMap((shift) => (shift ? [[shift.id, shift] as const] : [])));
    const missions = await db.missions.bulkGet([...new Set([...shiftById.values()].map((shift) => shift.missionId))]);
    const missionById = new Map(missions.flatMap((mission) => (mission ? [[mission.id, mission] as const] : [])));
    const [found, sent] = await Promise.all([
      people(relevant.map((signUp) => signUp.volunteerId)),
      sentFiles(relevant.map((signUp) => signUp.id)),
    ]);
    const rows: CalendarRow[] = [];
    for (const signUp of relevant) {
      const person = found.get(signUp.volunteerId);
      const shift = shiftById.get(signUp.shiftId);
      const mission = shift && missionById.get(shift.missionId);
      if (!person || !shift || !mission) continue;
      const entry = { shift, mission, signUp };
      const method = invitationMethod(entry);
      const last = sent.get(signUp.id) ?? null;
      // Someone cancelled who never received a file has nothing in their calendar to remove: listed, not due. An
      // invitation is out of date when what it shows changed after it was made (compared in instants, not in
      // SEQUENCE minutes, so that a change a few seconds after the file still counts).
      const due =
        last !== null &&
        (last.method !== method || (method === 'REQUEST' && calendarChangeMs(entry) > toEpochMs(last.at)));
      rows.push({ person: { ...person, signUp }, signUp, shift, mission, method, sent: last, due });
    }
    return rows.sort(
      (a, b) =>
        toEpochMs(a.shift.start) - toEpochMs(b.shift.start) ||
        Number(b.due) - Number(a.due) ||
        a.person.lastName.localeCompare(b.person.lastName, 'fr') ||
        a.signUp.id.localeCompare(b.signUp.id),
    );
  }

  return {
    /** The people coming to a shift (waiting list left out), each with their sign-up. */
    async forShift(shiftId: string): Promise<ContactPerson[]> {
      const signUps = (await db.signUps.where('shiftId').equals(shiftId).toArray()).filter(isComing);
      const found = await people(signUps.map((signUp) => signUp.volunteerId));
      return signUps.flatMap((signUp) => {
        const person = found.get(signUp.volunteerId);
        return person ? [{ ...person, signUp }] : [];
      });
    },
    /** The people coming to any shift of a mission, once each. */
    async forMission(missionId: string): Promise<ContactPerson[]> {
      const shiftIds = (await db.shifts.where('missionId').equals(missionId).toArray())
        .filter((shift) => !shift.deleted)
        .map((shift) => shift.id);
      const signUps = (await rowsWithAnyOf(db.signUps, 'shiftId', shiftIds)).filter(isComing);
      return [...(await people(signUps.map((signUp) => signUp.volunteerId))).values()];
    },
    async forVolunteers(volunteerIds: readonly string[]): Promise<ContactPerson[]> {
      return [...(await people(volunteerIds)).values()];
    },
    /**
     * Sign-ups of shifts starting within `windowHours` from `now` that are not yet reminded or still to confirm,
     * soonest first; the promoted ones still to confirm first within a shift, since they are the likeliest to miss.
     */
    async remindersDue(now: Date, windowHours: number): Promise<ReminderRow[]> {
      const from = now.toISOString();
      const to = new Date(now.getTime() + windowHours * 3_600_000).toISOString();
      const shifts = (await db.shifts.where('start').between(from, to, true, true).toArray()).filter((s) => !s.deleted);
      const shiftIds = shifts.map((shift) => shift.id);
      const signUps = (await rowsWithAnyOf(db.signUps, 'shiftId', shiftIds)).filter(isComing);
      const [found, marks, missions] = await Promise.all([
        people(signUps.map((signUp) => signUp.volunteerId)),
        remindedMarks(signUps.map((signUp) => signUp.id)),
        db.missions.bulkGet([...new Set(shifts.map((shift) => shift.missionId))]),
      ]);
      const shiftById = new Map(shifts.map((shift) => [shift.id, shift]));
      const missionById = new Map(missions.flatMap((mission) => (mission ? [[mission.id, mission] as const] : [])));
      const rows: ReminderRow[] = [];
      for (const signUp of signUps) {
        const person = found.get(signUp.volunteerId);
        const shift = shiftById.get(signUp.shiftId);
        if (!person || !shift) continue;
        const mission = missionById.get(shift.missionId);
        if (mission?.status === 'cancelled' || mission?.status === 'postponed') continue;
        const reminded = marks.get(signUp.id) ?? null;
        if (reminded !== null && !signUp.toConfirm) continue;
        rows.push({ person: { ...person, signUp }, signUp, shift, mission, reminded });
      }
      return rows.sort(
        (a, b) =>
          toEpochMs(a.shift.start) - toEpochMs(b.shift.start) ||
          a.shift.id.localeCompare(b.shift.id) ||
          Number(b.signUp.toConfirm) - Number(a.signUp.toConfirm) ||
          a.person.lastName.localeCompare(b.person.lastName, 'fr'),
      );
    },
    /** What a convocation shows: the sign-up's volunteer, shift and mission, or null. */
    async convocation(signUpId: string) {
      const signUp = await db.signUps.get(signUpId);
      if (!signUp || signUp.deleted) return null;
      const [volunteer, shift] = await Promise.all([
        db.volunteers.get(signUp.volunteerId),
        db.shifts.get(signUp.shiftId),
      ]);
      const mission = shift ? await db.missions.get(shift.missionId) : undefined;
      if (!volunteer || !shift || !mission) return null;
      return { signUp, volunteer, shift, mission };
    },
    /** The calendar files of a shift's people: those coming and those who cancelled. */
    async calendarForShift(shiftId: string): Promise<CalendarRow[]> {
      return calendarRows(await db.signUps.where('shiftId').equals(shiftId).toArray());
    },
    /** A volunteer's calendar files for the shifts that have not ended yet at `now`. */
    async calendarForVolunteer(volunteerId: string, now: Date): Promise<CalendarRow[]> {
      const rows = await calendarRows(await db.signUps.where('volunteerId').equals(volunteerId).toArray());
      return rows.filter((row) => toEpochMs(row.shift.end) > now.getTime());
    },
    /** An `.ics` saved for one person: the METHOD and SEQUENCE their calendar now holds. */
    recordCalendarFile(
      signUp: Pick<SignUp, 'id' | 'shiftId' | 'volunteerId'>,
      file: { method: InvitationMethod; sequence: number },
    ) {
      return db.transaction('rw', db.auditLog, () =>
        audit.append(INVITATION_SAVED_ACTION, signUp.id, {
          shiftId: signUp.shiftId,
          volunteerId: signUp.volunteerId,
          method: file.method,
          sequence: file.sequence,
        }),
      );
    },
    /** Mark sign-ups as reminded: one audit entry each (date, operator and desk come with the entry). */
    markReminded(signUps: readonly Pick<SignUp, 'id' | 'shiftId' | 'volunteerId'>[], channel: 'email' | 'sms') {
      return db.transaction('rw', db.auditLog, async () => {
        for (const signUp of signUps) {
          await audit.append(REMINDER_MARKED_ACTION, signUp.id, {
            shiftId: signUp.shiftId,
            volunteerId: signUp.volunteerId,
            channel,
          });
        }
      });
    },
    /** A bulk preparation (addresses copied, mail batches, SMS CSV): how many people, which list, which template. */
    recordPreparation(details: {
      list: string;
      listId: string | null;
      kind: string;
      count: number;
      template?: string;
    }) {
      return db.transaction('rw', db.auditLog, () => audit.append(CONTACT_PREPARED_ACTION, null, details));
    },
  };
}

export type ContactRepository = ReturnType<typeof createContactRepository>;
