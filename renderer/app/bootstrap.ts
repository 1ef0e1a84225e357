import type { i18n } from 'i18next';
import { DEFAULT_LANGUAGE, applyDocumentLanguage } from '../lib/i18n/setup';
// Not lib/i18n's index: that one holds both catalogues (tests), the app starts with the active language's only.
import { createAppI18n } from '../lib/i18n/start';
import { getDesktopApi, type DesktopApi } from '../lib/desktop-api';
import { loadDeskContext } from '../db/desk-context';
import { openDatabase } from '../db/open-database';
import { createRepositories, type Repositories } from '../db/repositories-context';
import { createSettingsRepository } from '../db/repositories/settings-repository';
import type { Settings } from '../../shared/domain/model';
import { preloadLandingScreen } from './routes';

export type Started =
  | { ok: true; repositories: Repositories; i18n: i18n; desktop: DesktopApi; persisted: boolean; settings: Settings }
  | { ok: false; i18n: i18n; message: string };

/**
 * Everything the app needs before its first paint, and nothing more (product.md: interactive in under 1.5 s):
 * open the database, load this desk's identity and read the language. Heavy indexes come later.
 */
export async function bootstrap(databaseName?: string): Promise<Started> {
  // The first screen's code loads while the database opens, not after the first render.
  if (typeof window !== 'undefined') preloadLandingScreen(window.location.hash);
  try {
    const { db, persisted } = await openDatabase(databaseName);
    // Two stores, two transactions side by side: neither waits for the other's round trip.
    const [desk, settings] = await Promise.all([loadDeskContext(db), createSettingsRepository(db).get()]);
    const i18n = await createAppI18n(settings.language);
    applyDocumentLanguage(settings.language);
    return {
      ok: true,
      repositories: createRepositories(db, desk),
      i18n,
      desktop: getDesktopApi(),
      persisted,
      // Already read: the first render shows the app at once instead of waiting for the live query's first answer.
      settings,
    };
  } catch (error) {
    return {
      ok: false,
      i18n: await createAppI18n(DEFAULT_LANGUAGE),
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
