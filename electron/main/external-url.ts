import { isAllowedExternalUrl } from '../../shared/security/external-url';
import { parseUrl } from './app-origin';

export { isAllowedExternalUrl };

/**
 * Opens an allow-listed URL with the operating system and says whether it did. The URL re-serialised by the parser is
 * what is opened, so the string checked and the string opened are the same.
 */
export async function openExternalIfAllowed(
  openExternal: (url: string) => Promise<void>,
  url: string,
): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  try {
    await openExternal(parsed.href);
    return true;
  } catch {
    return false;
  }
}
