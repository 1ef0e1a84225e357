import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { smsCsv, type SmsRecipient } from '../../../shared/messaging';

const recipient = fc.record({
  volunteerId: fc.uuid(),
  phone: fc.oneof(fc.constant(null), fc.constant('0612345678'), fc.stringMatching(/^\+[1-9]\d{6,14}$/)),
  smsConsent: fc.boolean(),
  message: fc.string({ unit: 'grapheme', maxLength: 160 }),
});

describe('SMS CSV', () => {
  it('has one row per consenting person with an E.164 phone, and nobody else (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(recipient, { selector: (r) => r.volunteerId, maxLength: 40 }), (recipients) => {
        const csv = smsCsv(recipients);
        const rows = Papa.parse<string[]>(csv.text, { newline: '\r\n', skipEmptyLines: true }).data;
        expect(rows[0]).toEqual(['telephone', 'message']);
        const expected = recipients.filter((r) => r.smsConsent && r.phone !== null && r.phone.startsWith('+'));
        expect(csv.volunteerIds).toEqual(expected.map((r) => r.volunteerId));
        expect(rows.slice(1).map((row) => row[0])).toEqual(expected.map((r) => r.phone));
        expect(csv.withoutConsent).toBe(recipients.filter((r) => !r.smsConsent).length);
        for (const [i, row] of rows.slice(1).entries()) {
          const message = expected[i]!.message.replace(/\r\n|\r|\n/g, '\r\n');
          // The text is the message, behind a quote when it would start a formula.
          expect([message, `'${message}`]).toContain(row[1]);
          expect(row[1]).not.toMatch(/^[=+\-@\t\r\n]/);
        }
      }),
    );
  });

  it('writes the exact bytes, protected from formulas', () => {
    const recipients: SmsRecipient[] = [
      { volunteerId: 'a', phone: '+33612345678', smsConsent: true, message: 'Bonjour Zoé, à samedi, 9h' },
      { volunteerId: 'b', phone: '+33698765432', smsConsent: false, message: 'non' },
      { volunteerId: 'c', phone: '+447700900123', smsConsent: true, message: '=HYPERLINK("x")' },
      { volunteerId: 'a', phone: '+33612345678', smsConsent: true, message: 'twice' },
    ];
    expect(smsCsv(recipients).text).toBe(
      'telephone,message\r\n+33612345678,"Bonjour Zoé, à samedi, 9h"\r\n+447700900123,"\'=HYPERLINK(""x"")"\r\n',
    );
  });
});
