import { CROCKFORD_ALPHABET, luhnCheckCharacter } from '../domain/volunteer-ref';

/**
 * Identifiers that a merge derives from data rather than draws at random, so that two desks merging the same inputs
 * in any order produce the same records (architecture.md, rule 7: the merge is commutative, associative,
 * idempotent). Not a cryptographic hash: it only has to spread well and be the same everywhere.
 */

/** 128 bits from four FNV-1a passes with different offsets, each finished with Murmur3's avalanche step. */
export function hash128(text: string): number[] {
  const offsets = [0x811c9dc5, 0x01000193, 0x2545f491, 0x9e3779b9];
  return offsets.map((offset) => {
    let hash = offset >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b) >>> 0;
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
    hash ^= hash >>> 16;
    return hash >>> 0;
  });
}

/** A UUID (version 8, "custom", RFC 9562 §5.8) derived from a namespace and a text. */
export function stableUuid(namespace: string, text: string): string {
  const hex = hash128(`${namespace}\u0000${text}`)
    .map((word) => word.toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A valid volunteer reference derived from another reference and an id (city-export.md, `benevole_ref`): used for a
 * record of an erased person that has no erasure entry of its own (an alias), so it still gets a reference that
 * links to nothing earlier, and the same one on every desk.
 */
export function derivedVolunteerRef(fromRef: string, volunteerId: string): string {
  const words = hash128(`ref\u0000${fromRef}\u0000${volunteerId}`);
  let body = '';
  for (let i = 0; i < 8; i++) body += CROCKFORD_ALPHABET.charAt(((words[i % 4] ?? 0) >>> ((i >> 2) * 5)) & 31);
  return `B-${body}${luhnCheckCharacter(body)}`;
}
