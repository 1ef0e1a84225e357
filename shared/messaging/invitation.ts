import type { SignUp } from '../domain/model';
import { updatedMs } from '../export/collect';
import { toEpochMs } from '../domain/paris-time';
import { foldLine, shiftCalendar, type CalendarEntry } from '../export/ics';
import { decodeHlc } from '../records/hlc';
import type { MergeableBase } from '../records/record';

/**
 * A volunteer's invitation to one shift (RFC 5546 iTIP): the shift's own event (same UID, times and time zone as the
 * agenda export, so that accepting it and importing the agenda later give one event) with the association as
 * ORGANIZER and the volunteer as ATTENDEE.
 * - METHOD:REQUEST invites, and, sent again with a higher SEQUENCE, moves the event when the shift's time or the
 *   mission's place changed.
 * - METHOD:CANCEL with STATUS:CANCELLED and a higher SEQUENCE makes the volunteer's calendar drop the event when their
 *   sign-up is cancelled (or the shift or mission is).
 * A calendar applies an update only when its SEQUENCE is higher than the one it holds, hence `after`: the sequence of
 * the last file sent to this person, which the next one always exceeds.
 */

export type InvitationMethod = 'REQUEST' | 'CANCEL';

/** The records behind an invitation; clocks, when given, date the last change that the SEQUENCE must follow. */
export interface InvitationEntry extends CalendarEntry {
  readonly mission: CalendarEntry['mission'] & Partial<MergeableBase>;
  readonly signUp?: Pick<SignUp, 'status'> & Partial<MergeableBase>;
}

export interface InvitationOptions {
  readonly generatedAt: string;
  readonly organizer: { readonly name: string; readonly email: string };
  readonly attendee: { readonly name: string; readonly email: string | null };
  /** The SEQUENCE of the last invitation or update sent to this person for this shift, if any. */
  readonly after?: number;
}

/** Same epoch and unit as the agenda export's SEQUENCE (shared/export/ics.ts), so both files order alike. */
const SEQUENCE_EPOCH_MS = Date.UTC(2024, 0, 1);

function sequenceOf(ms: number): number {
  return Math.max(0, Math.floor((ms - SEQUENCE_EPOCH_MS) / 60_000));
}

function changedMs(record: Partial<MergeableBase>): number | null {
  return record.clocks && record.createdAt ? updatedMs(record as MergeableBase) : null;
}

/** CANCEL when the person is no longer expected: their sign-up cancelled, the shift deleted, the mission off. */
export function invitationMethod(entry: Pick<InvitationEntry, 'shift' | 'mission' | 'signUp'>): InvitationMethod {
  const off =
    entry.shift.deleted ||
    entry.mission.status === 'cancelled' ||
    entry.mission.status === 'postponed' ||
    entry.signUp?.status === 'cancelled';
  return off ? 'CANCEL' : 'REQUEST';
}

/**
 * The SEQUENCE of the file for this entry: from the latest change of the shift and the mission (a new time or place
 * gives a higher one), of the sign-up too for a cancellation, and always above `after` (the last one sent).
 */
export function invitationSequence(entry: InvitationEntry, method: InvitationMethod, after?: number): number {
  const changes = [updatedMs(entry.shift), changedMs(entry.mission)];
  if (method === 'CANCEL' && entry.signUp) changes.push(changedMs(entry.signUp));
  const latest = Math.max(...changes.filter((ms): ms is number => ms !== null));
  return Math.max(sequenceOf(latest), after === undefined ? 0 : after + 1);
}

/** What the event shows: a change to one of these fields makes a file sent before it out of date. */
const SHIFT_EVENT_FIELDS = ['start', 'end', 'deleted'] as const;
const MISSION_EVENT_FIELDS = [
  'title',
  'description',
  'placeName',
  'address',
  'postcode',
  'atPrivateHomes',
  'whatToBring',
  'status',
  'deleted',
] as const;

function fieldsChangeMs(record: Partial<MergeableBase>, fields: readonly string[]): number | null {
  let latest: number | null = null;
  for (const field of fields) {
    const clock = record.clocks?.[field];
    if (clock) latest = Math.max(latest ?? 0, decodeHlc(clock).wallMs);
  }
  return latest ?? (record.createdAt ? toEpochMs(record.createdAt) : null);
}

/**
 * When what the volunteer's calendar shows last changed: the shift's times, the mission's title, place, what to
 * bring or status (not, say, the shift's capacity, which is nobody's calendar business). A file made before this
 * instant is out of date.
 */
export function calendarChangeMs(entry: Pick<InvitationEntry, 'shift' | 'mission'>): number {
  const changes = [
    fieldsChangeMs(entry.shift, SHIFT_EVENT_FIELDS),
    fieldsChangeMs(entry.mission, MISSION_EVENT_FIELDS),
  ];
  return Math.max(0, ...changes.filter((ms): ms is number => ms !== null));
}

/** A CAL-ADDRESS parameter value: quoted, without the characters a quoted parameter cannot hold (RFC 5545, 3.2). */
function parameter(value: string): string {
  return `"${value.replace(/["\r\n\p{Cc}]/gu, '')}"`;
}

function message(entry: InvitationEntry, options: InvitationOptions, method: InvitationMethod): string {
  const sequence = invitationSequence(entry, method, options.after);
  const lines = shiftCalendar(entry, { generatedAt: options.generatedAt })
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((line) => line !== '');
  const attendee = options.attendee.email
    ? `ATTENDEE;CN=${parameter(options.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${
        method === 'REQUEST' ? 'TRUE' : 'FALSE'
      }:mailto:${options.attendee.email}`
    : null;
  const result: string[] = [];
  for (const line of lines) {
    if (line === 'METHOD:PUBLISH') {
      result.push(`METHOD:${method}`);
      continue;
    }
    if (line.startsWith('SEQUENCE:')) {
      result.push(`SEQUENCE:${sequence}`);
      continue;
    }
    // A REQUEST for a shift that is off would re-add a cancelled event: only a CANCEL says it is off.
    if (line.startsWith('STATUS:')) {
      result.push(method === 'CANCEL' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED');
      continue;
    }
    if (line === 'END:VEVENT') {
      result.push(`ORGANIZER;CN=${parameter(options.organizer.name)}:mailto:${options.organizer.email}`);
      if (attendee) result.push(attendee);
    }
    result.push(line);
  }
  return result.map(foldLine).join('\r\n') + '\r\n';
}

/** The invitation (METHOD:REQUEST): the first one, or an update after the shift's time or place changed. */
export function shiftInvitation(entry: InvitationEntry, options: InvitationOptions): string {
  return message(entry, options, 'REQUEST');
}

/** The cancellation (METHOD:CANCEL, STATUS:CANCELLED) that removes the event from the volunteer's calendar. */
export function shiftCancellation(entry: InvitationEntry, options: InvitationOptions): string {
  return message(entry, options, 'CANCEL');
}

/** The file the person's situation calls for: a cancellation when they are no longer expected, else the invitation. */
export function shiftCalendarMessage(
  entry: InvitationEntry,
  options: InvitationOptions,
): { method: InvitationMethod; sequence: number; text: string } {
  const method = invitationMethod(entry);
  return { method, sequence: invitationSequence(entry, method, options.after), text: message(entry, options, method) };
}
