/* The allow-list of URLs that may leave the app. Pure: used by Electron main and the browser fallback. */

/**
 * The only URLs handed to the operating system (Electron security checklist, item 15: do not use `openExternal` with
 * untrusted content). `https:` opens the browser and `mailto:` the mail client; every other scheme can start a
 * program, reach a file share (`smb:`, `file:`) or run script (`javascript:`), so it is refused.
 *
 * One rule for Electron main (the last gate before the operating system) and the renderer's browser fallback: it also
 * refuses what a mail client or a browser could be tricked by — mailto fields such as `attach=`, ports, odd host
 * names, credentials, whitespace and control characters.
 */
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

/** Mail clients honour more than these (`attach=` makes some of them attach a local file): keep the usual ones. */
const ALLOWED_MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc', 'to']);

const MAX_EXTERNAL_URL_LENGTH = 2048;

/** Host names only: a DNS name made of letters, digits and hyphens, or an IPv4 address; no IPv6 literal, no port. */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A plain e-mail address, as mail clients accept it after percent-decoding. */
const MAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/i;

/** The raw authority, as typed: the parser drops an empty `:@` and accepts `https:host`, a person never writes either. */
const RAW_HTTPS_AUTHORITY = /^https:\/\/([^/?#]*)/i;

function isAllowedHttps(raw: string, url: URL): boolean {
  const authority = RAW_HTTPS_AUTHORITY.exec(raw)?.[1];
  // Credentials in a URL are a phishing trick (https://www.paris.fr@attacker.example/).
  if (authority === undefined || authority.includes('@')) return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.port !== '') return false;
  return HOST_NAME.test(url.hostname) && url.hostname.includes('.');
}

function isAllowedMailto(url: URL): boolean {
  let recipients: string;
  try {
    recipients = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  if (recipients === '' || !recipients.split(',').every((address) => MAIL_ADDRESS.test(address.trim()))) return false;
  for (const field of url.searchParams.keys()) {
    if (!ALLOWED_MAILTO_FIELDS.has(field.toLowerCase())) return false;
  }
  return true;
}

/** Pure: true when `url` may be passed to `shell.openExternal`. */
export function isAllowedExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  // The parser strips tabs and newlines and trims spaces; a URL that needed that is not one a person typed. Format
  // characters (bidirectional overrides) only serve to make a link read as something else.
  if (/\s|\p{Cc}|\p{Cf}/u.test(url)) return false;
  const parsed = parseUrl(url);
  if (parsed === null || !ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  return parsed.protocol === 'https:' ? isAllowedHttps(url, parsed) : isAllowedMailto(parsed);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
