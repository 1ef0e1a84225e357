import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/domain/model';
import type { DeskDatabase } from '../database';

/** Desk-local settings (never merged): association identity, desk name, language, policies. */
export function createSettingsRepository(db: DeskDatabase) {
  return {
    async get(): Promise<Settings> {
      const row = await db.settings.get('settings');
      if (!row) return DEFAULT_SETTINGS;
      const { key: _key, ...settings } = row;
      return { ...DEFAULT_SETTINGS, ...settings };
    },
    /** Validates before writing: a bad value never reaches the store. */
    async save(settings: Settings): Promise<Settings> {
      const valid = settingsSchema.parse(settings);
      await db.settings.put({ key: 'settings', ...valid });
      return valid;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
