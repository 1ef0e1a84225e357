import { describe, expect, it } from 'vitest';
import { createSettingsRepository } from '../../../renderer/db/repositories/settings-repository';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import { createTestDatabase } from './test-database';

describe('settings repository', () => {
  it('starts with French and no first start done', async () => {
    const { db } = await createTestDatabase();
    const settings = await createSettingsRepository(db).get();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.language).toBe('fr');
    expect(settings.firstStartCompletedAt).toBeNull();
  });

  it('saves and reads back', async () => {
    const { db } = await createTestDatabase();
    const repository = createSettingsRepository(db);
    await repository.save({
      ...DEFAULT_SETTINGS,
      associationName: 'Les Amis du Climat',
      siret: '12345678901237',
      language: 'en',
    });
    const read = await repository.get();
    expect(read.associationName).toBe('Les Amis du Climat');
    expect(read.siret).toBe('12345678901237');
    expect(read.language).toBe('en');
  });

  it('refuses a malformed value and keeps the previous settings', async () => {
    const { db } = await createTestDatabase();
    const repository = createSettingsRepository(db);
    await repository.save({ ...DEFAULT_SETTINGS, associationName: 'A' });
    await expect(repository.save({ ...DEFAULT_SETTINGS, rna: '751234567' })).rejects.toThrow();
    expect((await repository.get()).associationName).toBe('A');
  });
});
