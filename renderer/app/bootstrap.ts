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
// The landing screen's first reads (its code is in the start-up chunks, through routes.tsx).
import { dropLandingData, holdLandingData, readLandingData } from '../features/volunteers/landing-data';
import { startOnLandingScreen } from './routes';
import { announceSlowOpen } from './slow-open-notice';

export type Started =
  | { ok: true; repositories: Repositories; i18n: i18n; desktop: DesktopApi; persisted: boolean; settings: Settings }
  | { ok: false; i18n: i18n; message: string };

/**
 * Everything the app needs before its first paint, and nothing more (product.md: interactive in under 1.5 s):
 * open the database, load this desk's identity and read the language. Heavy indexes come later.
 */
export async function bootstrap(databaseName?: string): Promise<Started> {
  const landing = typeof window !== 'undefined' && startOnLandingScreen();
  try {
    const opening = openDatabase(databaseName);
    if (typeof window !== 'undefined') announceSlowOpen(opening);
    const { db, persisted } = await opening;
    // Side by side, each waiting only for what it needs: this desk's identity then (on the volunteers list) the list's
    // first reads; the settings then the language's catalogue.
    const [repositories, { settings, i18n }] = await Promise.all([
      loadDeskContext(db).then(async (desk) => {
        const repositories = createRepositories(db, desk);
        if (landing) await readLandingDataFor(repositories.volunteers);
        return repositories;
      }),
      createSettingsRepository(db)
        .get()
        .then(async (settings) => ({ settings, i18n: await createAppI18n(settings.language) })),
    ]);
    applyDocumentLanguage(settings.language);
    return {
      ok: true,
      repositories,
      i18n,
      desktop: getDesktopApi(),
      persisted,
      // Already read: the first render shows the app at once instead of waiting for the live query's first answer.
      settings,
    };
  } catch (error) {
    dropLandingData();
    return {
      ok: false,
      i18n: await createAppI18n(DEFAULT_LANGUAGE),
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * The volunteers list's first page, count and skills, read now and handed to its first render (landing-data.ts).
 * Nothing writes between these reads and that render, so they are what its live queries will answer first; a write
 * that does come in between (another tab, a first start) drops them and the screen waits for its live queries.
 */
async function readLandingDataFor(volunteers: Repositories['volunteers']): Promise<void> {
  const data = await readLandingData(volunteers);
  if (data) holdLandingData(volunteers, data);
}
