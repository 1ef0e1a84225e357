import { protectText, quoteField } from '../export/csv-writer';

/**
 * The CSV for an SMS service: `telephone,message`, one row per person, CRLF, UTF-8. Only people whose current SMS
 * consent is given appear; a phone that is not E.164 is left out and counted, never sent half-right.
 */

export interface SmsRecipient {
  readonly volunteerId: string;
  readonly phone: string | null;
  readonly smsConsent: boolean;
  /** The filled message for this person. */
  readonly message: string;
}

export const SMS_CSV_HEADER = ['telephone', 'message'] as const;
const E164 = /^\+[1-9]\d{6,14}$/;

export interface SmsCsv {
  readonly text: string;
  readonly volunteerIds: readonly string[];
  readonly withoutConsent: number;
  readonly withoutPhone: number;
}

export function smsCsv(recipients: readonly SmsRecipient[]): SmsCsv {
  const lines = [SMS_CSV_HEADER.join(',')];
  const volunteerIds: string[] = [];
  const seen = new Set<string>();
  let withoutConsent = 0;
  let withoutPhone = 0;
  for (const recipient of recipients) {
    if (seen.has(recipient.volunteerId)) continue;
    seen.add(recipient.volunteerId);
    if (!recipient.smsConsent) {
      withoutConsent++;
      continue;
    }
    if (recipient.phone === null || !E164.test(recipient.phone)) {
      withoutPhone++;
      continue;
    }
    // The phone is checked E.164 (digits after one `+`), written as is so that the service reads it; only the free
    // text is protected against formula injection.
    lines.push(`${recipient.phone},${quoteField(protectText(recipient.message), ',')}`);
    volunteerIds.push(recipient.volunteerId);
  }
  return { text: lines.map((line) => `${line}\r\n`).join(''), volunteerIds, withoutConsent, withoutPhone };
}
