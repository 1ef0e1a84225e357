/**
 * `mailto:` batches (RFC 6068) for a group: the association's address in To, the group in Bcc so that nobody sees the
 * others' addresses, split so that each URL stays under a length every mail client and operating system accepts
 * (Windows' shell and Outlook cut long `mailto:` URLs somewhere past 2,000 characters).
 *
 * Every address of the input is in exactly one batch, or, when even alone it cannot fit (a very long address with a
 * long body), in `unsendable`, for the screen to show: nothing is dropped in silence and nothing sent twice.
 */

/** Under the shell allow-list's 2,048 and what mail clients reliably take. */
export const MAILTO_MAX_LENGTH = 1800;

export interface MailtoMessage {
  /** The visible recipient: the association's own address (the allow-list requires one in the path). */
  readonly to: string;
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly body: string;
}

export interface MailtoBatch {
  readonly url: string;
  readonly addresses: readonly string[];
}

export interface MailtoPlan {
  readonly batches: readonly MailtoBatch[];
  /** Addresses that do not fit in a URL even alone: to copy by hand. */
  readonly unsendable: readonly string[];
  /** Addresses given twice (compared without case) or equal to `to`, left out once. */
  readonly duplicates: number;
}

/** RFC 6068: line breaks in a body are CRLF, percent-encoded as %0D%0A. */
export function encodeMailtoText(text: string): string {
  return encodeURIComponent(text.replace(/\r\n|\r|\n/g, '\r\n'));
}

/** An address in a `mailto:` field: percent-encoded (`,` separates addresses), `@` left readable (RFC 6068, 2). */
export function encodeAddress(address: string): string {
  return encodeURIComponent(address.trim()).replace(/%40/g, '@');
}

function url(to: string, bcc: readonly string[], subject: string, body: string): string {
  const fields = [`bcc=${bcc.map(encodeAddress).join(',')}`];
  if (subject !== '') fields.push(`subject=${encodeMailtoText(subject)}`);
  if (body !== '') fields.push(`body=${encodeMailtoText(body)}`);
  return `mailto:${encodeAddress(to)}?${fields.join('&')}`;
}

/** Addresses once each (case-insensitive, trimmed, empties and `to` left out), in the order given. */
export function uniqueAddresses(addresses: readonly string[], exclude = ''): { unique: string[]; duplicates: number } {
  const seen = new Set<string>([exclude.trim().toLowerCase()].filter((key) => key !== ''));
  const unique: string[] = [];
  let duplicates = 0;
  for (const raw of addresses) {
    const address = raw.trim();
    if (address === '') continue;
    const key = address.toLowerCase();
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    unique.push(address);
  }
  return { unique, duplicates };
}

/** Split a message to a group into `mailto:` URLs of at most `maxLength` characters each. */
export function mailtoBatches(message: MailtoMessage, maxLength = MAILTO_MAX_LENGTH): MailtoPlan {
  const { unique, duplicates } = uniqueAddresses(message.bcc, message.to);
  const base = url(message.to, [], message.subject, message.body).length;
  const batches: MailtoBatch[] = [];
  const unsendable: string[] = [];
  let current: string[] = [];
  // Length grows by the encoded address, plus one comma after the first: no need to rebuild the URL each time.
  let length = base;
  const flush = () => {
    if (current.length === 0) return;
    batches.push({ url: url(message.to, current, message.subject, message.body), addresses: current });
    current = [];
    length = base;
  };
  for (const address of unique) {
    const size = encodeAddress(address).length;
    if (base + size > maxLength) {
      unsendable.push(address);
      continue;
    }
    const added = current.length === 0 ? size : size + 1;
    if (length + added > maxLength) flush();
    length += current.length === 0 ? size : size + 1;
    current.push(address);
  }
  flush();
  return { batches, unsendable, duplicates };
}

/** The addresses as one text to paste in a mail client's Bcc field. */
export function addressList(addresses: readonly string[]): string {
  return uniqueAddresses(addresses).unique.join(', ');
}

/**
 * A message to one person, addressed to them (no Bcc: nobody else to hide), where personal placeholders may be
 * filled; null when the URL would pass the limit (a long body), for the screen to offer the text to copy instead.
 */
export function personalMailto(
  message: { to: string; subject: string; body: string },
  maxLength = MAILTO_MAX_LENGTH,
): string | null {
  const fields: string[] = [];
  if (message.subject !== '') fields.push(`subject=${encodeMailtoText(message.subject)}`);
  if (message.body !== '') fields.push(`body=${encodeMailtoText(message.body)}`);
  const link = `mailto:${encodeAddress(message.to)}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
  return link.length <= maxLength ? link : null;
}
