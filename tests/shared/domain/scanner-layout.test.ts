import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { azertyToUs, referenceFromScan, usToAzerty } from '../../../shared/domain/scanner-layout';
import { CROCKFORD_ALPHABET, generateVolunteerRef } from '../../../shared/domain/volunteer-ref';

const aReference = fc
  .array(fc.integer({ min: 0, max: CROCKFORD_ALPHABET.length - 1 }), { minLength: 8, maxLength: 8 })
  .map((draws) => {
    let index = 0;
    return generateVolunteerRef(() => draws[index++] ?? 0);
  });

describe('US-layout scanner on an AZERTY keyboard', () => {
  it('reads the issue’s example back', () => {
    expect(azertyToUs('B)èF"KçAXéR')).toBe('B-7F3K9QX2R');
    expect(usToAzerty('B-7F3K9QX2R')).toBe('B)èF"KçAXéR');
  });

  it('maps every reference typed through the US→AZERTY table back to itself', () => {
    fc.assert(
      fc.property(aReference, (ref) => {
        expect(referenceFromScan(usToAzerty(ref))).toBe(ref);
        expect(azertyToUs(usToAzerty(ref))).toBe(ref);
      }),
    );
  });

  it('keeps a reference typed on the right layout, in any case and with spaces around', () => {
    fc.assert(
      fc.property(aReference, (ref) => {
        expect(referenceFromScan(ref)).toBe(ref);
        expect(referenceFromScan(`  ${ref.toLowerCase()} `)).toBe(ref);
      }),
    );
  });

  it('is a bijection on the characters it changes', () => {
    const characters = `${CROCKFORD_ALPHABET}${CROCKFORD_ALPHABET.toLowerCase()}-;:`;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...characters) }), (text) => {
        expect(azertyToUs(usToAzerty(text))).toBe(text);
      }),
    );
  });

  it('refuses what is no reference in either reading (a name, a wrong check character)', () => {
    expect(referenceFromScan('Martin')).toBeNull();
    expect(referenceFromScan('B-7F3K9QX2A')).toBeNull();
    expect(referenceFromScan('')).toBeNull();
  });
});
