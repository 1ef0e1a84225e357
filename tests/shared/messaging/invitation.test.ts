import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { shiftInvitation } from '../../../shared/messaging';
import { mission, shift } from '../export/example-store';

/** The invitation read back by a real iCalendar parser (ical.js), across the spring and autumn changes. */

const options = {
  generatedAt: '2026-03-20T10:00:00.000Z',
  organizer: { name: 'Asso "Climat"', email: 'contact@asso-climat.fr' },
  attendee: { name: 'Zoé Lefèvre', email: 'zoe@exemple.fr' },
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('shift invitation', () => {
  it('is a REQUEST from the association to the volunteer', () => {
    const text = shiftInvitation(
      { shift: shift({ id: '0b7e6a4e-1111-4c3a-9a7e-000000000001' }), mission: mission({ id: 'm' }) },
      options,
    );
    const { calendar, vevent } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:contact@asso-climat.fr');
    expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('Asso Climat');
    const attendee = vevent.getFirstProperty('attendee')!;
    expect(attendee.getFirstValue()).toBe('mailto:zoe@exemple.fr');
    expect(attendee.getParameter('cn')).toBe('Zoé Lefèvre');
    expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(vevent.getFirstPropertyValue('uid')).toBe(
      'creneau-0b7e6a4e-1111-4c3a-9a7e-000000000001@desk-climat.invalid',
    );
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('gives the right times across the spring change (a shift over the night of 28 to 29 March 2026)', () => {
    // 22:00 Paris (UTC+1) to 08:00 Paris (UTC+2): 9 hours, not 10.
    const text = shiftInvitation(
      {
        shift: shift({ id: 's', start: '2026-03-28T21:00:00.000Z', end: '2026-03-29T06:00:00.000Z' }),
        mission: mission({ id: 'm' }),
      },
      options,
    );
    const { event } = parse(text);
    expect(event.startDate.toString()).toBe('2026-03-28T22:00:00');
    expect(event.endDate.toString()).toBe('2026-03-29T08:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-28T21:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('gives the right times across the autumn change, and a day later in summer time', () => {
    const autumn = parse(
      shiftInvitation(
        {
          shift: shift({ id: 's', start: '2026-10-24T20:00:00.000Z', end: '2026-10-25T05:00:00.000Z' }),
          mission: mission({ id: 'm' }),
        },
        options,
      ),
    ).event;
    expect(autumn.startDate.toString()).toBe('2026-10-24T22:00:00');
    expect(autumn.startDate.toJSDate().toISOString()).toBe('2026-10-24T20:00:00.000Z');
    expect(autumn.endDate.toJSDate().toISOString()).toBe('2026-10-25T05:00:00.000Z');
    const summer = parse(
      shiftInvitation(
        {
          shift: shift({ id: 's', start: '2026-07-04T07:30:00.000Z', end: '2026-07-04T10:00:00.000Z' }),
          mission: mission({ id: 'm' }),
        },
        options,
      ),
    ).event;
    expect(summer.startDate.toString()).toBe('2026-07-04T09:30:00');
    expect(summer.startDate.toJSDate().toISOString()).toBe('2026-07-04T07:30:00.000Z');
  });

  it('has no ATTENDEE when the volunteer has no address', () => {
    const text = shiftInvitation(
      { shift: shift({ id: 's' }), mission: mission({ id: 'm' }) },
      { ...options, attendee: { name: 'X', email: null } },
    );
    expect(parse(text).vevent.getFirstProperty('attendee')).toBeNull();
  });
});
