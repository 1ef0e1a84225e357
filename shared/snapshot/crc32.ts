/**
 * CRC-32 (ISO-HDLC, the ZIP checksum), computed incrementally over the decompressed bytes of an entry so that the
 * reader can check them against the archive's own checksums. Hand-written because fflate keeps its CRC private and
 * shared/ cannot use node:zlib; it is the standard table-driven algorithm.
 */
const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** Start with `crc32Update(0, bytes)`, continue with the returned value. Returns an unsigned 32-bit number. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
