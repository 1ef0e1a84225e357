import { foldLine, shiftCalendar, type CalendarEntry } from '../export/ics';

/**
 * A volunteer's invitation to one shift (RFC 5546 iTIP, METHOD:REQUEST): the shift's own event (same UID, times and
 * time zone as the agenda export, so that accepting it and importing the agenda later give one event) with the
 * association as ORGANIZER and the volunteer as ATTENDEE.
 */

export interface InvitationOptions {
  readonly generatedAt: string;
  readonly organizer: { readonly name: string; readonly email: string };
  readonly attendee: { readonly name: string; readonly email: string | null };
}

/** A CAL-ADDRESS parameter value: quoted, without the characters a quoted parameter cannot hold (RFC 5545, 3.2). */
function parameter(value: string): string {
  return `"${value.replace(/["\r\n\p{Cc}]/gu, '')}"`;
}

export function shiftInvitation(entry: CalendarEntry, options: InvitationOptions): string {
  const lines = shiftCalendar(entry, { generatedAt: options.generatedAt })
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((line) => line !== '');
  const attendee = options.attendee.email
    ? `ATTENDEE;CN=${parameter(options.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${options.attendee.email}`
    : null;
  const result: string[] = [];
  for (const line of lines) {
    if (line === 'METHOD:PUBLISH') {
      result.push('METHOD:REQUEST');
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
