import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalisePhone, phoneSearchDigits } from '../../../shared/domain/phone';

describe('phone numbers', () => {
  it('accept every common French notation and give E.164', () => {
    for (const notation of [
      '06 12 34 56 78',
      '06.12.34.56.78',
      '06-12-34-56-78',
      '0612345678',
      '+33 6 12 34 56 78',
      '+33612345678',
      '0033612345678',
      '00 33 6 12 34 56 78',
      '+33 (0)6 12 34 56 78',
      '+33(0)612345678',
      ' 06 12 34 56 78 ',
    ]) {
      expect(normalisePhone(notation), notation).toEqual({ ok: true, e164: '+33612345678', isFrench: true });
    }
    expect(normalisePhone('01 42 76 40 40')).toEqual({ ok: true, e164: '+33142764040', isFrench: true });
  });

  it('keep foreign numbers in E.164', () => {
    expect(normalisePhone('+44 7700 900123')).toEqual({ ok: true, e164: '+447700900123', isFrench: false });
    expect(normalisePhone('+49 151 12345678')).toEqual({ ok: true, e164: '+4915112345678', isFrench: false });
    expect(formatPhone('+447700900123')).toBe('+447700900123');
  });

  it('refuse what is not a number, with a code', () => {
    expect(normalisePhone('')).toEqual({ ok: false, error: 'empty_phone' });
    expect(normalisePhone('   ')).toEqual({ ok: false, error: 'empty_phone' });
    for (const bad of [
      '06 12 34 56 7',
      '06 12 34 56 78 9',
      '0612',
      'appeler le soir',
      '06 12 34 56 7a',
      '00 00 00 00 00',
    ]) {
      expect(normalisePhone(bad), bad).toEqual({ ok: false, error: 'invalid_phone' });
    }
  });

  it('format French numbers back as 06 12 34 56 78', () => {
    expect(formatPhone('+33612345678')).toBe('06 12 34 56 78');
    expect(formatPhone('+33142764040')).toBe('01 42 76 40 40');
  });

  it('give the digits a search may type', () => {
    expect(phoneSearchDigits('+33612345678')).toEqual(['33612345678', '0612345678']);
    expect(phoneSearchDigits('+447700900123')).toEqual(['447700900123']);
  });

  it('round-trip: any notation → E.164 → national → the same E.164 (property)', () => {
    const mobile = fc
      .tuple(fc.constantFrom('6', '7'), fc.stringMatching(/^[3-9]\d{7}$/))
      .map(([first, rest]) => `0${first}${rest}`);
    const notation = fc.constantFrom(
      (n: string) => n,
      (n: string) => n.replace(/(\d\d)(?=\d)/g, '$1 '),
      (n: string) => n.replace(/(\d\d)(?=\d)/g, '$1.'),
      (n: string) => `+33 ${n.slice(1)}`,
      (n: string) => `0033${n.slice(1)}`,
      (n: string) => `+33 (0)${n.slice(1)}`,
    );
    fc.assert(
      fc.property(mobile, notation, (national, write) => {
        const parsed = normalisePhone(write(national));
        expect(parsed).toEqual({ ok: true, e164: `+33${national.slice(1)}`, isFrench: true });
        if (!parsed.ok) return;
        const displayed = formatPhone(parsed.e164);
        expect(displayed.replace(/ /g, '')).toBe(national);
        expect(normalisePhone(displayed)).toEqual(parsed);
      }),
    );
  });
});
