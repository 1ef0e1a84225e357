import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../shared/domain/messages';
import { en } from '../../../../renderer/lib/i18n/en';
import { fr } from '../../../../renderer/lib/i18n/fr';
import { createAppI18n } from '../../../../renderer/lib/i18n/start';

describe('the app’s i18n at start: the active language’s catalogue only', () => {
  it('starts in French without the English catalogue, then fetches it when the language changes', async () => {
    const i18n = await createAppI18n('fr');
    expect(i18n.t('app.loading')).toBe(fr.app.loading);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    await i18n.changeLanguage('en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('app.loading')).toBe(en.app.loading);
    expect(i18n.t('domain:nonexistent_local_time')).toBe(MESSAGES.nonexistent_local_time.en);
    await i18n.changeLanguage('fr');
    expect(i18n.t('domain:nonexistent_local_time')).toBe(MESSAGES.nonexistent_local_time.fr);
  });

  it('starts in English with both catalogues when the desk is set to English', async () => {
    const i18n = await createAppI18n('en');
    expect(i18n.language).toBe('en');
    expect(i18n.t('app.loading')).toBe(en.app.loading);
    expect(i18n.t('domain:nonexistent_local_time')).toBe(MESSAGES.nonexistent_local_time.en);
    expect(i18n.hasResourceBundle('fr', 'translation')).toBe(true);
  });
});
