import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, shiftCalendar, volunteerAgenda } from '../../../shared/export';
import { exampleRecords, mission, shift, signUp, storeOf } from './example-store';

/** iCalendar (RFC 5545) for one shift and for a volunteer's agenda. */

const GENERATED_AT = '2026-11-02T08:15:00.000Z';
const octets = (text: string) => new TextEncoder().encode(text).length;
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('RFC 5545 text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds any line at 75 octets without splitting a character, and unfolds back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (value) => {
        const line = `SUMMARY:${value}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
        expect(folded).not.toContain('\uFFFD');
      }),
    );
  });
});

describe('a shift as .ics', () => {
  const records = exampleRecords();
  const entry = {
    shift: records.shifts[0]!,
    mission: {
      ...records.missions[0]!,
      title: 'Ramassage, canal; « Saint-Martin » — une très longue soirée de nettoyage des berges avec les riverains',
      address: '1 place de Mexico',
      whatToBring: 'Gants\nGilet',
    },
  };

  it('is a VCALENDAR with CRLF lines, the Paris VTIMEZONE, local times with TZID and a UTC DTSTAMP', () => {
    const ics = shiftCalendar(entry, { generatedAt: GENERATED_AT });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const lines = unfold(ics).split('\r\n');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Paris');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20261024T220000');
    expect(lines).toContain('DTEND;TZID=Europe/Paris:20261025T060000');
    expect(lines).toContain('DTSTAMP:20261102T081500Z');
    expect(lines).toContain('UID:creneau-C-1@desk-climat.invalid');
    expect(lines).toContain(
      'SUMMARY:Ramassage\\, canal\\; « Saint-Martin » — une très longue soirée de nettoyage des berges avec les riverains',
    );
    expect(lines).toContain('LOCATION:Square de la Place-de-Mexico\\, 1 place de Mexico\\, 75116');
    expect(lines).toContain('DESCRIPTION:À apporter : Gants\\nGilet');
    expect(lines).toContain('STATUS:CONFIRMED');
  });

  it('keeps the same UID and content when generated again; only DTSTAMP moves', () => {
    const first = shiftCalendar(entry, { generatedAt: GENERATED_AT });
    const second = shiftCalendar(entry, { generatedAt: '2026-12-01T10:00:00Z' });
    expect(first.replace(/DTSTAMP:.*\r\n/, '')).toBe(second.replace(/DTSTAMP:.*\r\n/, ''));
    expect(first).not.toBe(second);
  });

  it('writes a time of the repeated hour second pass in UTC, and leaves out a home-visit address', () => {
    const folded = shiftCalendar(
      {
        shift: shift({ id: 'C-fold', start: '2026-10-25T00:30:00Z', end: '2026-10-25T01:30:00Z' }),
        mission: mission({ id: 'M-home', atPrivateHomes: true, address: '3 rue des Lilas', placeName: 'Visites' }),
      },
      { generatedAt: GENERATED_AT },
    );
    const lines = unfold(folded).split('\r\n');
    // 02:30 summer time (first pass) has its TZID form; 02:30 winter time (second pass) would be read as the first.
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20261025T023000');
    expect(lines).toContain('DTEND:20261025T013000Z');
    expect(folded).not.toContain('Lilas');
  });
});

describe("a volunteer's agenda", () => {
  it('lists their shifts in order, a cancelled sign-up as a cancelled event', async () => {
    const base = exampleRecords();
    const store = await storeOf({
      ...base,
      missions: [...base.missions, mission({ id: 'M-2', title: 'Fresque du climat' })],
      shifts: [
        ...base.shifts,
        shift({ id: 'C-2', missionId: 'M-2', start: '2026-11-05T17:00:00Z', end: '2026-11-05T20:00:00Z' }),
        shift({ id: 'C-3', missionId: 'M-2', start: '2026-09-05T17:00:00Z', end: '2026-09-05T20:00:00Z' }),
      ],
      signUps: [
        ...base.signUps,
        signUp({ id: 'P-3', volunteerId: 'V-1', shiftId: 'C-2', status: 'cancelled' }, '2026-11-01T00:00:00Z'),
        signUp({ id: 'P-4', volunteerId: 'V-1', shiftId: 'C-3' }, '2026-09-01T00:00:00Z'),
      ],
    });
    const ics = await volunteerAgenda(store, 'V-1', { generatedAt: GENERATED_AT, from: '2026-10-01T00:00:00Z' });
    const lines = unfold(ics).split('\r\n');
    expect(lines.filter((line) => line.startsWith('UID:'))).toEqual([
      'UID:creneau-C-1@desk-climat.invalid',
      'UID:creneau-C-2@desk-climat.invalid',
    ]);
    expect(lines.filter((line) => line.startsWith('STATUS:'))).toEqual(['STATUS:CONFIRMED', 'STATUS:CANCELLED']);
    expect(lines).toContain('DTSTART;TZID=Europe/Paris:20261105T180000');
    expect(await volunteerAgenda(store, 'V-1', { generatedAt: GENERATED_AT, from: '2026-10-01T00:00:00Z' })).toBe(ics);
  });
});
