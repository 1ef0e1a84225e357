/**
 * A streaming SHA-256 (FIPS 180-4), for the manifest's digests (city-export.md, `manifest.json`).
 *
 * Why not `crypto.subtle.digest`: it takes the whole input at once, and a city-scale `participations.csv` is tens of
 * megabytes that the export otherwise never holds in one piece. This hashes chunk by chunk as the zip is written;
 * tests check it against `crypto.subtle.digest` on random inputs cut at random places.
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

export interface Sha256 {
  update(bytes: Uint8Array): void;
  /** The lowercase hex digest; the hash cannot be updated afterwards. */
  hex(): string;
}

export function createSha256(): Sha256 {
  const state = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const block = new Uint8Array(64);
  const words = new Uint32Array(64);
  let filled = 0;
  let length = 0;
  let finished = false;

  const compress = (data: Uint8Array, offset: number) => {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      words[i] =
        ((data[j] as number) << 24) |
        ((data[j + 1] as number) << 16) |
        ((data[j + 2] as number) << 8) |
        (data[j + 3] as number);
    }
    for (let i = 16; i < 64; i++) {
      const w15 = words[i - 15] as number;
      const w2 = words[i - 2] as number;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      words[i] = ((words[i - 16] as number) + s0 + (words[i - 7] as number) + s1) | 0;
    }
    let a = state[0] as number;
    let b = state[1] as number;
    let c = state[2] as number;
    let d = state[3] as number;
    let e = state[4] as number;
    let f = state[5] as number;
    let g = state[6] as number;
    let h = state[7] as number;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const choice = (e & f) ^ (~e & g);
      const t1 = (h + s1 + choice + (K[i] as number) + (words[i] as number)) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const majority = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + majority) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    state[0] = ((state[0] as number) + a) | 0;
    state[1] = ((state[1] as number) + b) | 0;
    state[2] = ((state[2] as number) + c) | 0;
    state[3] = ((state[3] as number) + d) | 0;
    state[4] = ((state[4] as number) + e) | 0;
    state[5] = ((state[5] as number) + f) | 0;
    state[6] = ((state[6] as number) + g) | 0;
    state[7] = ((state[7] as number) + h) | 0;
  };

  const absorb = (bytes: Uint8Array) => {
    length += bytes.length;
    let offset = 0;
    if (filled > 0) {
      const take = Math.min(64 - filled, bytes.length);
      block.set(bytes.subarray(0, take), filled);
      filled += take;
      offset = take;
      if (filled < 64) return;
      compress(block, 0);
      filled = 0;
    }
    for (; offset + 64 <= bytes.length; offset += 64) compress(bytes, offset);
    if (offset < bytes.length) {
      block.set(bytes.subarray(offset), 0);
      filled = bytes.length - offset;
    }
  };

  return {
    update(bytes) {
      if (finished) throw new Error('SHA-256 already finished');
      absorb(bytes);
    },
    hex() {
      if (!finished) {
        finished = true;
        const bits = length * 8;
        const padding = new Uint8Array((filled < 56 ? 56 : 120) - filled + 8);
        padding[0] = 0x80;
        const view = new DataView(padding.buffer);
        // The message length in bits, big-endian on 64 bits (exact up to 2^53 bits).
        view.setUint32(padding.length - 8, Math.floor(bits / 2 ** 32));
        view.setUint32(padding.length - 4, bits >>> 0);
        absorb(padding);
      }
      return Array.from(state, (word) => word.toString(16).padStart(8, '0')).join('');
    },
  };
}
