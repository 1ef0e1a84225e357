import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternalIfAllowed } from '../../../electron/main/external-url';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.paris.fr/volontaires-du-climat',
    'https://fresqueduclimat.org/',
    'https://exemple.fr/chemin?q=climat&page=2#section',
    'https://café.example.fr/',
    'mailto:coordination@asso-climat.fr',
    'mailto:a@exemple.fr,b@exemple.fr?subject=Cr%C3%A9neau%20de%20samedi&body=Bonjour',
    'mailto:contact@exemple.fr?cc=autre@exemple.fr',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    // other schemes: script, local files, network shares, programs, the app itself
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(document.cookie)'],
    ['javascript://https://www.paris.fr/%0aalert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['file:///C:/Windows/System32/calc.exe'],
    ['file://attacker.example/share/payload.exe'],
    ['smb://attacker.example/share'],
    ['\\\\attacker.example\\share\\payload.exe'],
    ['http://www.paris.fr/'],
    ['ftp://ftp.example.fr/'],
    ['ms-msdt:/id PCWDiagnostic /skip force'],
    ['search-ms:query=payload&crumb=location:\\\\attacker.example\\share'],
    ['ms-officecmd:{"id":3}'],
    ['app://bundle/index.html'],
    ['chrome://settings'],
    ['devtools://devtools/bundled/inspector.html'],
    ['blob:https://www.paris.fr/5b5c7d2e'],
    ['about:blank'],
    ['ssh://root@example.fr'],
    ['tel:+33123456789'],
    // credentials and odd hosts inside https
    ['https://user:password@www.paris.fr/'],
    ['https://www.paris.fr@attacker.example/'],
    ['https://:@www.paris.fr/'],
    ['https://www.paris.fr:8443/'],
    ['https://localhost/'],
    ['https://[::1]/'],
    ['https://exa_mple.fr/'],
    // malformed, padded, hidden characters
    [''],
    ['https://'],
    ['https:///path'],
    ['https:www.paris.fr'],
    ['//www.paris.fr/'],
    ['www.paris.fr'],
    [' https://www.paris.fr/'],
    ['https://www.paris.fr/ '],
    ['https://www.pa\tris.fr/'],
    ['https://www.paris.fr/\nSet-Cookie:x'],
    ['https://www.paris.fr/\u0000'],
    ['https://www.paris.fr/\u202e'],
    [`https://www.paris.fr/${'a'.repeat(3000)}`],
    // mail clients that honour dangerous fields
    ['mailto:a@exemple.fr?attach=/etc/passwd'],
    ['mailto:a@exemple.fr?Attachment=C:\\secrets.txt'],
    ['mailto:?body=hello'],
    ['mailto:not-an-address'],
    ['mailto:a@exemple.fr%0aBcc:victim@exemple.fr'],
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses what is not a string at all', () => {
    expect(isAllowedExternalUrl(42 as unknown as string)).toBe(false);
    expect(isAllowedExternalUrl(undefined as unknown as string)).toBe(false);
  });
});

describe('openExternalIfAllowed', () => {
  it('opens the parser-normalised URL of an allowed link', async () => {
    const open = vi.fn(async () => undefined);
    expect(await openExternalIfAllowed(open, 'https://WWW.Paris.fr/a b'.replace(' ', '%20'))).toBe(true);
    expect(open).toHaveBeenCalledWith('https://www.paris.fr/a%20b');
  });

  it('never reaches the operating system for a refused link', async () => {
    const open = vi.fn(async () => undefined);
    expect(await openExternalIfAllowed(open, 'file:///etc/passwd')).toBe(false);
    expect(await openExternalIfAllowed(open, 'javascript:alert(1)')).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('reports false when the operating system fails', async () => {
    const open = vi.fn(async () => {
      throw new Error('no handler');
    });
    expect(await openExternalIfAllowed(open, 'https://www.paris.fr/')).toBe(false);
  });
});
