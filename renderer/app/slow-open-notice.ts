import { onUpgradeProgress } from '../db/upgrade-progress';
import { rememberedLanguage } from '../lib/i18n/setup';
import { createAppI18n } from '../lib/i18n/start';

/** After this long without the database, the start-up screen says what it is waiting for. */
export const SLOW_OPEN_MS = 1_000;

/** A live region read aloud at most this often: an upgrade reports a page of rows every few hundred milliseconds. */
const PROGRESS_EVERY_MS = 5_000;

/**
 * Until `opening` settles, and once it has taken longer than `afterMs`: a status line under the app's name in
 * index.html, "opening this desk's data", then during a schema upgrade how many rows it has read (version 4 reads
 * every sign-up once: about a minute for a city's 500,000). Without it the screen shows only the app's name, and a
 * coordinator cannot tell a long upgrade from a frozen app. In the language the desk last showed (the settings are
 * in the database being opened). React's first render replaces it.
 */
export function announceSlowOpen(
  opening: Promise<unknown>,
  options: { afterMs?: number; root?: HTMLElement | null } = {},
): void {
  let settled = false;
  let stopListening = () => {};
  const stop = () => {
    settled = true;
    clearTimeout(timer);
    stopListening();
  };
  const timer = setTimeout(() => void show(), options.afterMs ?? SLOW_OPEN_MS);
  opening.then(stop, stop);

  async function show(): Promise<void> {
    const i18n = await createAppI18n(rememberedLanguage());
    const root = options.root ?? document.getElementById('root');
    if (settled || !root) return;
    const status = document.createElement('p');
    status.className = 'boot-status';
    status.setAttribute('role', 'status');
    status.textContent = i18n.t('app.opening');
    root.append(status);
    const rows = new Intl.NumberFormat(i18n.language);
    let shownAt = 0;
    stopListening = onUpgradeProgress((read) => {
      const now = Date.now();
      if (now - shownAt < PROGRESS_EVERY_MS) return;
      shownAt = now;
      status.textContent = i18n.t('app.upgrading', { rows: rows.format(read) });
    });
  }
}
