import { ImportFileError } from './errors';

/**
 * Bytes to text (issue #10, "Reading"). Sign-up lists arrive as UTF-8 (with or without a BOM: Google Forms, LibreOffice,
 * recent Excel "CSV UTF-8") or as Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on a French Windows).
 * Strict UTF-8 is tried first because a Windows-1252 file with any accent is almost never valid UTF-8, while the
 * reverse guess would silently turn "é" into "Ã©". The fallback is reported so the screen can say so.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** The file started with a UTF-8 byte order mark (removed from `text`). */
  readonly hadBom: boolean;
  /** Strict UTF-8 failed and the text was read as Windows-1252: worth telling the user. */
  readonly fellBackToWindows1252: boolean;
}

/** More control characters than this share of the text means the bytes are not a text file. */
const MAX_CONTROL_SHARE = 0.01;
// C0 controls other than TAB, LF, FF and CR, DEL, and the C1 range (which Windows-1252's unused bytes decode to).
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0001-\u0008\u000b\u000e-\u001f\u007f\u0080-\u009f]/g;

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  // A NUL byte never occurs in text, in either encoding; UTF-16 files and every binary format are full of them.
  if (nul >= 0) throw new ImportFileError('not_text', lineOfByte(bytes, nul));
  let decoded: DecodedText;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    const hadBom = text.charCodeAt(0) === 0xfeff;
    decoded = { text: hadBom ? text.slice(1) : text, encoding: 'utf-8', hadBom, fellBackToWindows1252: false };
  } catch {
    const text = decodeWindows1252(bytes);
    decoded = { text, encoding: 'windows-1252', hadBom: false, fellBackToWindows1252: true };
  }
  if (decoded.text.trim() === '') throw new ImportFileError('empty_file', 1);
  checkIsText(decoded.text);
  return decoded;
}

/** A stray control character can be a typo; many of them mean a binary file read as text. */
function checkIsText(text: string): void {
  const first = text.search(CONTROL);
  if (first < 0) return;
  let count = 0;
  for (const _match of text.matchAll(CONTROL)) count++;
  if (count > Math.max(1, text.length * MAX_CONTROL_SHARE)) {
    throw new ImportFileError('not_text', lineOfIndex(text, first));
  }
}

/** 1-based line of a byte, counting LF, CRLF and lone CR as one line break each (as `lineOfIndex` does). */
function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let at = 0; at < index; at++) {
    if (bytes[at] === 10 || (bytes[at] === 13 && bytes[at + 1] !== 10)) line++;
  }
  return line;
}

/** 1-based line of a character, counting LF, CRLF and lone CR as one line break each. */
export function lineOfIndex(text: string, index: number): number {
  const before = text.slice(0, index);
  return 1 + (before.match(/\r\n|\r|\n/g)?.length ?? 0);
}

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it. Hand-written rather than `new TextDecoder('windows-1252')`:
 * Node's decoder treats that label as ISO-8859-1 and turns 0x80–0x9F (€, œ, Œ, ’, …) into control characters, and
 * the command line runs in Node. Bytes 0xA0–0xFF are the same code points in both; only this range differs.
 */
const WINDOWS_1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_80_9F.charCodeAt(byte - 0x80) : byte,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
