import type { Mission, Shift, SignUp } from '../domain/model';
import { instantToParisWallTime, PARIS_TIME_ZONE, parisInstantsOfWallTime, toEpochMs } from '../domain/paris-time';
import type { RecordSource } from '../storage/ports';
import { updatedMs } from './collect';

/**
 * iCalendar files (RFC 5545): one shift, or a volunteer's agenda, to add to a phone's or a mail client's calendar.
 * - Lines end with CRLF and are folded at 75 octets, never inside a UTF-8 sequence (section 3.1).
 * - TEXT values escape `\`, `;`, `,` and line breaks (section 3.3.11).
 * - Times are Paris wall times with TZID=Europe/Paris and the zone's VTIMEZONE (section 3.6.5), except a time in
 *   the repeated autumn hour's second pass, which RFC 5545 would read as the first pass: that one is written in UTC.
 * - The UID derives from the shift's id, so a calendar that imports the file again, or the shift from the agenda
 *   and alone, updates the event instead of duplicating it; DTSTAMP is the injected generation time.
 */

export const ICS_MEDIA_TYPE = 'text/calendar;charset=utf-8';
const PRODID = '-//Desk Climat//Volontaires du Climat//FR';
const UID_DOMAIN = 'desk-climat.invalid';
/** SEQUENCE grows with the record's last change, in minutes since this epoch (fits a 32-bit integer until 6000). */
const SEQUENCE_EPOCH_MS = Date.UTC(2024, 0, 1);

/** Europe/Paris since 1996 (EU rules): last Sunday of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00. */
const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${PARIS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export interface CalendarEntry {
  readonly shift: Pick<Shift, 'id' | 'start' | 'end' | 'clocks' | 'createdAt' | 'deleted'>;
  readonly mission: Pick<
    Mission,
    'title' | 'description' | 'placeName' | 'address' | 'atPrivateHomes' | 'postcode' | 'whatToBring' | 'status'
  >;
  /** In an agenda: the volunteer's sign-up, whose cancellation cancels the event. */
  readonly signUp?: Pick<SignUp, 'status'>;
}

/** Escape a TEXT value (RFC 5545, 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Fold a content line at 75 octets (RFC 5545, 3.1): CRLF and one space, never splitting a character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utcStamp(instant: string | number): string {
  return new Date(Math.floor(toEpochMs(instant) / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '');
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `;TZID=Europe/Paris:yyyyMMddTHHmmss`, or `:…Z` for the second pass of the repeated autumn hour. */
function dateTimeProperty(name: string, instant: string): string {
  const ms = Math.floor(toEpochMs(instant) / 1000) * 1000;
  const wall = instantToParisWallTime(ms);
  const candidates = parisInstantsOfWallTime(wall);
  if (candidates[0] !== ms) return `${name}:${utcStamp(ms)}`;
  const local = `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
  return `${name};TZID=${PARIS_TIME_ZONE}:${local}`;
}

function eventLines(entry: CalendarEntry, generatedAt: string): string[] {
  const { shift, mission } = entry;
  const cancelled =
    shift.deleted ||
    mission.status === 'cancelled' ||
    mission.status === 'postponed' ||
    entry.signUp?.status === 'cancelled';
  const changed = updatedMs(shift as Shift);
  // A home visit's address is someone's home: it stays out of files that travel (city-export.md, "Privacy").
  const place = [mission.placeName, mission.atPrivateHomes ? '' : mission.address, mission.postcode ?? '']
    .filter((part) => part.trim() !== '')
    .join(', ');
  const description = [mission.description, mission.whatToBring ? `À apporter : ${mission.whatToBring}` : '']
    .filter((part) => part.trim() !== '')
    .join('\n\n');
  return [
    'BEGIN:VEVENT',
    `UID:creneau-${shift.id}@${UID_DOMAIN}`,
    `DTSTAMP:${utcStamp(generatedAt)}`,
    `LAST-MODIFIED:${utcStamp(changed)}`,
    `SEQUENCE:${Math.max(0, Math.floor((changed - SEQUENCE_EPOCH_MS) / 60_000))}`,
    dateTimeProperty('DTSTART', shift.start),
    dateTimeProperty('DTEND', shift.end),
    `SUMMARY:${escapeText(mission.title)}`,
    ...(place === '' ? [] : [`LOCATION:${escapeText(place)}`]),
    ...(description === '' ? [] : [`DESCRIPTION:${escapeText(description)}`]),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/** A calendar of entries (sorted by start, then shift id, so the same data gives the same file). */
export function calendar(entries: readonly CalendarEntry[], options: { generatedAt: string; name?: string }): string {
  const sorted = [...entries].sort(
    (a, b) =>
      toEpochMs(a.shift.start) - toEpochMs(b.shift.start) ||
      (a.shift.id < b.shift.id ? -1 : a.shift.id > b.shift.id ? 1 : 0),
  );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...PARIS_VTIMEZONE,
    ...sorted.flatMap((entry) => eventLines(entry, options.generatedAt)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** One shift as a `.ics`. */
export function shiftCalendar(entry: CalendarEntry, options: { generatedAt: string }): string {
  return calendar([entry], options);
}

/**
 * A volunteer's agenda from a store: every live sign-up of theirs (waiting-list places included, cancelled ones as
 * cancelled events so that a re-import removes them), from `from` on when given.
 */
export async function volunteerAgenda(
  source: RecordSource,
  volunteerId: string,
  options: { generatedAt: string; from?: string; name?: string },
): Promise<string> {
  const signUps = new Map<string, SignUp>();
  for await (const signUp of source.records('signUps')) {
    if (!signUp.deleted && signUp.volunteerId === volunteerId) signUps.set(signUp.shiftId, signUp);
  }
  const shifts = new Map<string, Shift>();
  for await (const shift of source.records('shifts')) {
    if (signUps.has(shift.id) && (options.from === undefined || toEpochMs(shift.start) >= toEpochMs(options.from))) {
      shifts.set(shift.id, shift);
    }
  }
  const missionIds = new Set([...shifts.values()].map((shift) => shift.missionId));
  const missions = new Map<string, Mission>();
  for await (const mission of source.records('missions')) {
    if (missionIds.has(mission.id) && !mission.deleted) missions.set(mission.id, mission);
  }
  const entries: CalendarEntry[] = [];
  for (const shift of shifts.values()) {
    const mission = missions.get(shift.missionId);
    const signUp = signUps.get(shift.id);
    if (mission && signUp) entries.push({ shift, mission, signUp });
  }
  return calendar(entries, { generatedAt: options.generatedAt, name: options.name });
}
