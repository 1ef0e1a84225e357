import { describe, expect, it } from 'vitest';
import {
  cspWithSyncOrigin,
  DEVELOPMENT_CSP,
  parseSyncOrigin,
  PRODUCTION_CSP,
  withoutCspMetaTag,
} from '../../../shared/security/csp';

describe('the CSP of a browser that syncs (npm run web -- --sync-origin)', () => {
  it('adds exactly the sync origin to connect-src and changes nothing else', () => {
    const policy = cspWithSyncOrigin(PRODUCTION_CSP, 'https://couch.example.org');
    expect(policy).toContain("connect-src 'self' https://couch.example.org;");
    expect(policy.replace(' https://couch.example.org', '')).toBe(PRODUCTION_CSP);
    expect(cspWithSyncOrigin(DEVELOPMENT_CSP, 'http://127.0.0.1:5984').match(/127\.0\.0\.1:5984/g)).toHaveLength(1);
  });

  it('keeps Electron’s production policy free of any remote origin (main sends the sync requests)', () => {
    expect(PRODUCTION_CSP).toContain("connect-src 'self';");
    expect(PRODUCTION_CSP).not.toMatch(/https?:/);
  });

  it('takes an http(s) origin from the command line and refuses anything else', () => {
    expect(parseSyncOrigin('https://couch.example.org/base/')).toBe('https://couch.example.org');
    expect(parseSyncOrigin('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984');
    for (const bad of ['couch.example.org', 'ftp://couch.example.org', 'https://u:p@couch.example.org', '*']) {
      expect(() => parseSyncOrigin(bad)).toThrow(/--sync-origin/);
    }
  });

  it('drops the meta tag the built page carries, and only that', () => {
    const html = `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PRODUCTION_CSP}">
<title>Desk</title></head>`;
    const stripped = withoutCspMetaTag(html);
    expect(stripped).not.toContain('Content-Security-Policy');
    expect(stripped).toContain('<meta charset="utf-8">');
    expect(stripped).toContain('<title>Desk</title>');
  });
});
