import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_CSP, PRODUCTION_CSP } from '../../../shared/security/csp';
import { serveBundleRequest } from '../../../electron/main/protocol';

describe('the production Content-Security-Policy (security checklist, item 7)', () => {
  it('is pinned: any change must be deliberate and reviewed', () => {
    expect(PRODUCTION_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; base-uri 'none'; form-action 'none'; " +
        "object-src 'none'",
    );
  });

  it('allows no inline script, no eval and no remote origin', () => {
    expect(PRODUCTION_CSP).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|ws:|\*/);
  });

  it('differs from the development policy, which only the unpackaged app uses', () => {
    expect(DEVELOPMENT_CSP).not.toBe(PRODUCTION_CSP);
  });

  it('is the header of every app:// response, including refusals', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'desk-csp-'));
    try {
      await writeFile(path.join(root, 'index.html'), '<!doctype html>');
      for (const url of ['app://bundle/', 'app://bundle/missing.js', 'app://bundle/..%2f..%2fx.js']) {
        const response = await serveBundleRequest({ url, method: 'GET' }, { root, csp: PRODUCTION_CSP });
        expect(response.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
