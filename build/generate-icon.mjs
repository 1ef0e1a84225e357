// Draws build/icon.png (512×512, RGBA) with Node alone: electron-builder derives the Windows .ico and the macOS .icns
// from it. Run `node build/generate-icon.mjs` after changing the drawing; the PNG is committed.
// The design: a rounded green square, a white sun ring, a green leaf across it (Volontaires du Climat).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const GREEN = [31, 122, 77];
const LEAF = [120, 190, 90];
const WHITE = [255, 255, 255];

function insideRoundedSquare(x, y) {
  const margin = 16;
  const radius = 96;
  const min = margin + radius;
  const max = SIZE - margin - radius;
  const dx = Math.max(min - x, 0, x - max);
  const dy = Math.max(min - y, 0, y - max);
  return x >= margin && x <= SIZE - margin && y >= margin && y <= SIZE - margin && dx * dx + dy * dy <= radius * radius;
}

function colourAt(x, y) {
  if (!insideRoundedSquare(x, y)) return null;
  const cx = SIZE / 2;
  const cy = SIZE / 2;
  const r = Math.hypot(x - cx, y - cy);
  // The leaf: the lens where two circles overlap, tilted 45°.
  const u = (x - cx + (y - cy)) / Math.SQRT2;
  const v = (x - cx - (y - cy)) / Math.SQRT2;
  const leafRadius = 170;
  const offset = 110;
  if (Math.hypot(u, v - offset) < leafRadius && Math.hypot(u, v + offset) < leafRadius) {
    return Math.abs(v) < 5 && Math.abs(u) < 120 ? GREEN : LEAF; // the midrib
  }
  if (r > 150 && r < 185) return WHITE;
  return GREEN;
}

const rows = [];
for (let y = 0; y < SIZE; y += 1) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (none), then RGBA
  for (let x = 0; x < SIZE; x += 1) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy += 1) {
      for (let sx = 0; sx < SAMPLES; sx += 1) {
        const colour = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (colour === null) continue;
        sum[0] += colour[0];
        sum[1] += colour[1];
        sum[2] += colour[2];
        sum[3] += 255;
      }
    }
    const covered = sum[3] / 255;
    const offset = 1 + x * 4;
    if (covered > 0) {
      row[offset] = Math.round(sum[0] / covered);
      row[offset + 1] = Math.round(sum[1] / covered);
      row[offset + 2] = Math.round(sum[2] / covered);
    }
    row[offset + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
