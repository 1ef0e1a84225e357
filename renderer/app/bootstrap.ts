import type { i18n } from 'i18next';
import { createI18n, applyDocumentLanguage } from '../lib/i18n';
import { getDesktopApi, type DesktopApi } from '../lib/desktop-api';
import { loadDeskContext } from '../db/desk-context';
import { openDatabase } from '../db/open-database';
import { createRepositories, type Repositories } from '../db/repositories-context';
import { createSettingsRepository } from '../db/repositories/settings-repository';

export type Started =
  | { ok: true; repositories: Repositories; i18n: i18n; desktop: DesktopApi; persisted: boolean }
  | { ok: false; i18n: i18n; message: string };

/**
 * Everything the app needs before its first paint, and nothing more (product.md: interactive in under 1.5 s):
 * open the database, load this desk's identity and read the language. Heavy indexes come later.
 */
export async function bootstrap(databaseName?: string): Promise<Started> {
  try {
    const { db, persisted } = await openDatabase(databaseName);
    const desk = await loadDeskContext(db);
    const settings = await createSettingsRepository(db).get();
    const i18n = createI18n(settings.language);
    applyDocumentLanguage(settings.language);
    return { ok: true, repositories: createRepositories(db, desk), i18n, desktop: getDesktopApi(), persisted };
  } catch (error) {
    return { ok: false, i18n: createI18n(), message: error instanceof Error ? error.message : String(error) };
  }
}
