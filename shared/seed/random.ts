import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * A seeded pseudo-random source (pure-rand's xoroshiro128+), so that the same seed gives the same dataset on every
 * machine. Each table of the seed draws from its own stream, derived from the seed and a label, so a table can be
 * generated again (to count it, then to write it) without replaying the others.
 */
export interface Random {
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  /** A float in [0, 1). */
  float(): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random UUID shaped as version 4 (RFC 9562, section 5.4), from this stream. */
  uuid(): string;
}

export function createRandom(seed: string, label: string): Random {
  const generator: RandomGenerator = xoroshiro128plus(hash32(`${seed}\u0000${label}`));
  // The first outputs of xoroshiro from close seeds are correlated: let the state mix first.
  for (let i = 0; i < 16; i++) generator.next();
  const int = (n: number): number => (n <= 1 ? 0 : uniformInt(generator, 0, n - 1));
  return {
    int,
    between: (min, max) => min + int(max - min + 1),
    float: () => (generator.next() >>> 0) / 2 ** 32,
    chance: (probability) => (generator.next() >>> 0) / 2 ** 32 < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(items.length)] as T;
    },
    uuid: () => {
      const a = generator.next();
      const b = (generator.next() & 0xffff0fff) | 0x00004000;
      const c = (generator.next() & 0x3fffffff) | 0x80000000;
      const d = generator.next();
      return word(a) + '-' + half(b >>> 16) + '-' + half(b) + '-' + half(c >>> 16) + '-' + half(c) + word(d);
    },
  };
}

const HEX = Array.from({ length: 256 }, (_unused, byte) => byte.toString(16).padStart(2, '0'));
/** Four hex digits of the low 16 bits (string concatenation of a byte table: the seed makes a million ids). */
const half = (value: number): string => (HEX[(value >>> 8) & 0xff] as string) + (HEX[value & 0xff] as string);
const word = (value: number): string => half(value >>> 16) + half(value);

/** FNV-1a over the UTF-16 code units, finished with MurmurHash3's mixer: turns a text seed into 32 bits. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash | 0;
}

/** `count` distinct random UUIDs in ascending order, so that records generated in order are also in key order. */
export function sortedUuids(random: Random, count: number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(random.uuid());
  return [...ids].sort();
}
