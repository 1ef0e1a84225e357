import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, phoneSearchDigits } from '../../../shared/domain/phone';
import { quickFormatPhone, quickPhoneSearchDigits } from '../../../shared/domain/phone-quick';

/** What formatPhone and phoneSearchDigits answered before the quick path, straight from libphonenumber. */
function libraryFormat(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed && parsed.countryCallingCode === '33' ? parsed.formatNational() : e164;
}
function librarySearchDigits(e164: string): string[] {
  const international = e164.replace(/\D/g, '');
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed || parsed.countryCallingCode !== '33') return [international];
  return [international, parsed.formatNational().replace(/\D/g, '')];
}

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((list) => list.join(''));

/** +33 then 9 national digits, the first 1–9: what normalisePhone stores for a French number. */
const frenchNational = fc.tuple(fc.constantFrom(...'123456789'), digits(8, 8)).map(([first, rest]) => first + rest);
const frenchE164 = frenchNational.map((national) => `+33${national}`);
/** +33 then any digits (a trunk 0, too short, too long): only libphonenumber knows what it does with them. */
const oddFrenchE164 = digits(0, 13).map((national) => `+33${national}`);
/** The model's E.164 shape for any country (shared/domain/model.ts: `^\+[1-9]\d{6,14}$`). */
const anyE164 = fc.tuple(fc.constantFrom(...'123456789'), digits(6, 14)).map(([first, rest]) => `+${first}${rest}`);
/** Text that is not E.164: what a guardian's or a referent's phone field may hold. */
const looseText = fc.string({ unit: fc.constantFrom(...'0123456789 +.-()/abc'), maxLength: 20 });

const everyShape = fc.oneof(frenchE164, oddFrenchE164, anyE164, looseText);

describe('phone numbers without libphonenumber (start-up path)', () => {
  it("give libphonenumber's national format for every French number normalisePhone stores", () => {
    fc.assert(
      fc.property(frenchE164, (e164) => {
        expect(quickFormatPhone(e164)).toBe(libraryFormat(e164));
        expect(quickPhoneSearchDigits(e164)).toEqual(librarySearchDigits(e164));
      }),
      { numRuns: 500 },
    );
  });

  it('answer every valid French number normalisePhone gives, without the library', () => {
    fc.assert(
      fc.property(frenchNational, (national) => {
        const normalised = normalisePhone(`0${national}`);
        fc.pre(normalised.ok);
        if (!normalised.ok) return;
        expect(quickFormatPhone(normalised.e164)).toBe(libraryFormat(normalised.e164));
        expect(quickFormatPhone(normalised.e164)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('agree with libphonenumber wherever they answer, and leave the rest to it (foreign, odd, loose)', () => {
    fc.assert(
      fc.property(everyShape, (text) => {
        const quick = quickFormatPhone(text);
        if (quick !== null) expect(quick).toBe(libraryFormat(text));
        const quickDigits = quickPhoneSearchDigits(text);
        if (quickDigits !== null) expect(quickDigits).toEqual(librarySearchDigits(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('keep formatPhone and phoneSearchDigits exactly as libphonenumber alone gave them', () => {
    fc.assert(
      fc.property(everyShape, (text) => {
        expect(formatPhone(text)).toBe(libraryFormat(text));
        expect(phoneSearchDigits(text)).toEqual(librarySearchDigits(text));
      }),
      { numRuns: 1500 },
    );
  });

  it("show the two French formats of libphonenumber's metadata and foreign numbers as stored", () => {
    expect(quickFormatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(quickFormatPhone('+33142764040')).toBe('01 42 76 40 40');
    expect(quickFormatPhone('+33812345678')).toBe('0 812 34 56 78');
    expect(quickFormatPhone('+447700900123')).toBe('+447700900123');
    expect(quickPhoneSearchDigits('+33612345678')).toEqual(['33612345678', '0612345678']);
    expect(quickPhoneSearchDigits('+447700900123')).toEqual(['447700900123']);
    // A trunk 0 after +33, or another length: libphonenumber decides (it drops the 0 from +330123456789).
    expect(quickFormatPhone('+330123456789')).toBeNull();
    expect(quickFormatPhone('+3361234567')).toBeNull();
    expect(quickFormatPhone('06 12 34 56 78')).toBeNull();
    expect(formatPhone('+330123456789')).toBe('01 23 45 67 89');
  });
});
