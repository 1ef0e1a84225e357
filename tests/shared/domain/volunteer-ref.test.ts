import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkVolunteerRef,
  CROCKFORD_ALPHABET,
  generateVolunteerRef,
  isValidVolunteerRef,
  luhnCheckCharacter,
} from '../../../shared/domain/volunteer-ref';

const randomInts = fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 8, maxLength: 8 });
const fromInts = (ints: number[]) => {
  let i = 0;
  return generateVolunteerRef(() => ints[i++ % ints.length]!);
};

describe('volunteer reference', () => {
  it('has the export’s format: B-, 8 Crockford characters and a check character', () => {
    const ref = generateVolunteerRef();
    expect(ref).toMatch(/^B-[0-9A-HJKMNP-TV-Z]{9}$/);
    expect(isValidVolunteerRef(ref)).toBe(true);
    expect(isValidVolunteerRef('B-7F3K9QX2R')).toBe(true);
    expect(isValidVolunteerRef('B-2M8D1XQ7J')).toBe(true);
  });

  it('refuses wrong shapes and letters outside the alphabet', () => {
    for (const bad of ['', 'B-7F3K9QX2', 'B-7F3K9QX2RR', '7F3K9QX2R', 'B-7F3K9QXIR', 'b-7f3k9qx2r']) {
      expect(isValidVolunteerRef(bad), bad).toBe(false);
    }
    expect(checkVolunteerRef(' b-7f3k9qx2r ')).toEqual({ ok: true, ref: 'B-7F3K9QX2R' });
    expect(checkVolunteerRef('B-7F3K9QX2S')).toEqual({ ok: false, error: 'invalid_volunteer_ref' });
  });

  it('every generated reference is valid (property)', () => {
    fc.assert(
      fc.property(randomInts, (ints) => {
        expect(isValidVolunteerRef(fromInts(ints))).toBe(true);
      }),
    );
  });

  it('a reference with one character changed fails its check (property)', () => {
    fc.assert(
      fc.property(
        randomInts,
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 1, max: 31 }),
        (ints, position, shift) => {
          const ref = fromInts(ints);
          const current = CROCKFORD_ALPHABET.indexOf(ref.charAt(position));
          const replacement = CROCKFORD_ALPHABET.charAt((current + shift) % 32);
          const typo = ref.slice(0, position) + replacement + ref.slice(position + 1);
          expect(typo).not.toBe(ref);
          expect(isValidVolunteerRef(typo)).toBe(false);
        },
      ),
    );
  });

  it('a swap of two adjacent different characters of the body fails its check (property)', () => {
    fc.assert(
      fc.property(randomInts, fc.integer({ min: 2, max: 8 }), (ints, position) => {
        const ref = fromInts(ints);
        const [a, b] = [ref.charAt(position), ref.charAt(position + 1)];
        fc.pre(a !== b);
        // Luhn mod N misses only the swap of the two code points whose doubled values add up the same ("0" ↔ "Z").
        fc.pre(!((a === '0' && b === 'Z') || (a === 'Z' && b === '0')));
        const swapped = ref.slice(0, position) + b + a + ref.slice(position + 2);
        expect(isValidVolunteerRef(swapped)).toBe(false);
      }),
    );
  });

  it('computes the check character by Luhn mod 32', () => {
    expect(luhnCheckCharacter('7F3K9QX2')).toBe('R');
    expect(() => luhnCheckCharacter('7F3K9QXI')).toThrow(RangeError);
  });
});
