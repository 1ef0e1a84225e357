import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  calendarChangeMs,
  invitationSequence,
  shiftCalendarMessage,
  shiftCancellation,
  shiftInvitation,
} from '../../../shared/messaging';
import { clockAt, mission, shift, signUp } from '../export/example-store';

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

describe('shift cancellation and update', () => {
  // A shift over the night of the spring change (22:00 Paris in winter time to 08:00 in summer time), invited on
  // 20 March; the records' last changes before that.
  const nightShift = (at = '2026-03-10T09:00:00Z', fields: Partial<Parameters<typeof shift>[0]> = {}) =>
    shift({ id: 's-1', start: '2026-03-28T21:00:00.000Z', end: '2026-03-29T06:00:00.000Z', ...fields }, at);
  const theMission = (at = '2026-03-01T09:00:00Z', fields: Partial<Parameters<typeof mission>[0]> = {}) =>
    mission({ id: 'm', title: 'Nettoyage du canal', placeName: 'Quai de Valmy', ...fields }, at);
  const sequenceOf = (text: string) => Number(parse(text).vevent.getFirstPropertyValue('sequence'));

  it('cancels with the invitation’s UID, a higher SEQUENCE, STATUS:CANCELLED and the times in Paris', () => {
    const invitation = shiftInvitation({ shift: nightShift(), mission: theMission() }, options);
    const cancelledSignUp = signUp({ id: 'i-1', volunteerId: 'v', status: 'cancelled' }, '2026-03-25T17:42:00Z');
    const text = shiftCancellation(
      { shift: nightShift(), mission: theMission(), signUp: cancelledSignUp },
      { ...options, generatedAt: '2026-03-25T17:45:00.000Z' },
    );
    const { calendar, vevent, event } = parse(text);
    const sent = parse(invitation);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('uid')).toBe(sent.vevent.getFirstPropertyValue('uid'));
    expect(sequenceOf(text)).toBeGreaterThan(sequenceOf(invitation));
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:contact@asso-climat.fr');
    expect(vevent.getFirstProperty('attendee')!.getFirstValue()).toBe('mailto:zoe@exemple.fr');
    expect(event.startDate.toString()).toBe('2026-03-28T22:00:00');
    expect(event.startDate.zone.tzid).toBe('Europe/Paris');
    expect(event.endDate.toString()).toBe('2026-03-29T08:00:00');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  it('moves the event with a REQUEST of higher SEQUENCE when the shift’s time changes', () => {
    const invitation = shiftInvitation({ shift: nightShift(), mission: theMission() }, options);
    // Moved on 22 March one hour later: 23:00 Paris (UTC+1) to 09:00 Paris (UTC+2).
    const moved = nightShift('2026-03-22T10:00:00Z', {
      start: '2026-03-28T22:00:00.000Z',
      end: '2026-03-29T07:00:00.000Z',
    });
    const update = shiftCalendarMessage({ shift: moved, mission: theMission() }, options);
    expect(update.method).toBe('REQUEST');
    const { calendar, vevent, event } = parse(update.text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('uid')).toBe(parse(invitation).vevent.getFirstPropertyValue('uid'));
    expect(update.sequence).toBe(sequenceOf(update.text));
    expect(update.sequence).toBeGreaterThan(sequenceOf(invitation));
    expect(event.startDate.toString()).toBe('2026-03-28T23:00:00');
    expect(event.endDate.toString()).toBe('2026-03-29T09:00:00');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('sends a higher SEQUENCE when the mission’s place changes, with the new place', () => {
    const invitation = shiftInvitation({ shift: nightShift(), mission: theMission() }, options);
    const update = shiftInvitation(
      { shift: nightShift(), mission: theMission('2026-03-21T08:00:00Z', { placeName: 'Place de la République' }) },
      options,
    );
    expect(sequenceOf(update)).toBeGreaterThan(sequenceOf(invitation));
    expect(parse(update).vevent.getFirstPropertyValue('location')).toContain('Place de la République');
  });

  it('is above the last one sent even when nothing dated changed since', () => {
    const entry = { shift: nightShift(), mission: theMission() };
    const first = sequenceOf(shiftInvitation(entry, options));
    expect(sequenceOf(shiftInvitation(entry, { ...options, after: first }))).toBe(first + 1);
    expect(sequenceOf(shiftCancellation(entry, { ...options, after: first + 1 }))).toBe(first + 2);
  });

  it('cancels when the sign-up, the shift or the mission is off', () => {
    const base = { shift: nightShift(), mission: theMission() };
    expect(shiftCalendarMessage(base, options).method).toBe('REQUEST');
    expect(shiftCalendarMessage({ ...base, signUp: { status: 'cancelled' } }, options).method).toBe('CANCEL');
    expect(shiftCalendarMessage({ ...base, shift: { ...base.shift, deleted: true } }, options).method).toBe('CANCEL');
    expect(shiftCalendarMessage({ ...base, mission: { ...base.mission, status: 'cancelled' } }, options).method).toBe(
      'CANCEL',
    );
    // Waiting list: still expected if a place frees up.
    expect(shiftCalendarMessage({ ...base, signUp: { status: 'waiting' } }, options).method).toBe('REQUEST');
  });

  it('dates the last change of what the event shows, not of the shift’s other fields', () => {
    const base = nightShift('2026-03-10T09:00:00Z');
    const entry = { shift: base, mission: theMission('2026-03-01T09:00:00Z') };
    expect(calendarChangeMs(entry)).toBe(Date.parse('2026-03-10T09:00:00Z'));
    const capacityChanged = {
      ...base,
      capacity: 40,
      clocks: { ...base.clocks, capacity: clockAt('2026-03-15T09:00:00Z') },
    };
    expect(calendarChangeMs({ ...entry, shift: capacityChanged })).toBe(Date.parse('2026-03-10T09:00:00Z'));
    const moved = {
      ...base,
      start: '2026-03-28T22:00:00.000Z',
      clocks: { ...base.clocks, start: clockAt('2026-03-15T09:00:07Z') },
    };
    expect(calendarChangeMs({ ...entry, shift: moved })).toBe(Date.parse('2026-03-15T09:00:07Z'));
    const placeChanged = theMission('2026-03-20T10:00:00Z', { placeName: 'Place de la République' });
    expect(calendarChangeMs({ ...entry, mission: placeChanged })).toBe(Date.parse('2026-03-20T10:00:00Z'));
  });

  it('always gives a SEQUENCE above the last one sent, and a cancellation never below the invitation (property)', () => {
    const instant = fc
      .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, instant, instant, fc.option(fc.nat({ max: 10_000_000 })), (s, m, i, after) => {
        const entry = {
          shift: nightShift(s),
          mission: theMission(m),
          signUp: signUp({ id: 'i', volunteerId: 'v', status: 'cancelled' }, i),
        };
        const request = invitationSequence(entry, 'REQUEST', after ?? undefined);
        const cancel = invitationSequence(entry, 'CANCEL', after ?? undefined);
        if (after !== null) expect(request).toBeGreaterThan(after);
        expect(cancel).toBeGreaterThanOrEqual(request);
      }),
    );
  });
});
