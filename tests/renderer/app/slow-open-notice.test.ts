import { screen } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { announceSlowOpen } from '../../../renderer/app/slow-open-notice';
import { DeskDatabase } from '../../../renderer/db/database';
import { onUpgradeProgress, reportUpgradeProgress } from '../../../renderer/db/upgrade-progress';
import { applyDocumentLanguage } from '../../../renderer/lib/i18n/setup';
import { aSignUp } from '../../shared/domain/factories';
import { buildVersion3 } from '../db/test-database';

/**
 * The start-up screen while the database opens (a schema upgrade at city scale reads 500,000 sign-ups once, about a
 * minute): after a second, a status line says what the app waits for, and how far an upgrade has got.
 */

/** A promise settled from outside, like a database open that the test finishes. */
function opening() {
  let finish = () => {};
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
}

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"><p class="boot" aria-hidden="true">Desk Climat</p></div>';
  root = document.getElementById('root')!;
  applyDocumentLanguage('fr');
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the start-up notice while the database opens', () => {
  it('says nothing when the database opens in time', async () => {
    const open = opening();
    announceSlowOpen(open.promise, { afterMs: 50, root });
    open.finish();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says the data is opening, then how many sign-ups an upgrade has read, and stops once open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const open = opening();
    announceSlowOpen(open.promise, { afterMs: 0, root });
    const status = await screen.findByRole('status');
    expect(status.textContent).toBe('Ouverture des données de ce poste…');

    reportUpgradeProgress(4_000);
    expect(status.textContent).toMatch(
      /une seule fois\u00a0: 4\s000 inscriptions relues\. Ne fermez pas l’application\.$/,
    );
    // Read aloud at most every 5 seconds.
    reportUpgradeProgress(6_000);
    expect(status.textContent).toContain('4\u202f000');
    vi.advanceTimersByTime(5_000);
    reportUpgradeProgress(8_000);
    expect(status.textContent).toContain('8\u202f000');

    open.finish();
    await open.promise;
    vi.advanceTimersByTime(5_000);
    reportUpgradeProgress(10_000);
    expect(status.textContent).toContain('8\u202f000');
  });

  it('speaks the language the desk last showed', async () => {
    applyDocumentLanguage('en');
    announceSlowOpen(opening().promise, { afterMs: 0, root });
    expect((await screen.findByRole('status')).textContent).toBe('Opening this desk’s data…');
  });

  it('hears from the version 4 upgrade as it reads the sign-ups, a page at a time', async () => {
    const name = `upgrade-progress-${Math.random().toString(36).slice(2)}`;
    await buildVersion3(
      name,
      Array.from({ length: 4_500 }, (_unused, index) => aSignUp({ id: `s-${index}` })),
    );

    const reports: number[] = [];
    const stop = onUpgradeProgress((read) => reports.push(read));
    const db = new DeskDatabase(name);
    await db.open();
    stop();
    expect(reports).toEqual([2_000, 4_000]);
    db.close();
  });
});
