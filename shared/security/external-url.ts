/**
 * The allow-list of URLs that may leave the app (Electron security checklist, item 15: "Do not use shell.openExternal
 * with untrusted content"): https: without credentials, and mailto:. Everything else — file:, javascript:, data:,
 * http:, smb:, custom schemes, malformed text — is refused. Used by Electron main and by the browser fallback.
 */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return true;
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}
