import type { InitOptions, Resource } from 'i18next';
import { MESSAGES, type MessageCode } from '../../../shared/domain/messages';
import type { Language } from '../../../shared/domain/model';

/** French is the default language and the fallback (product.md, "Settings"). */
export const DEFAULT_LANGUAGE: Language = 'fr';

/** The domain's codes (shared/domain/messages.ts) as the `domain` namespace: `t('domain:nonexistent_local_time')`. */
export function domainMessages(language: Language): Record<MessageCode, string> {
  return Object.fromEntries(Object.entries(MESSAGES).map(([code, message]) => [code, message[language]])) as Record<
    MessageCode,
    string
  >;
}

/** What every instance shares, whichever catalogues it starts with (index.ts: both; start.ts: the active one). */
export function initOptions(language: Language, resources: Resource): InitOptions {
  return {
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['fr', 'en'],
    resources,
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  };
}

/**
 * Keeps <html lang> true for screen readers (WCAG 3.1.1) when the language changes, and remembers the language for
 * the next start's notice (below).
 */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  rememberLanguage(language);
}

/**
 * The language the desk last showed, kept beside the database rather than in it: the start-up notice
 * (app/slow-open-notice.ts) speaks it while the database is still opening. Not personal data; a browser that refuses
 * storage simply gets the default language there.
 */
const LANGUAGE_HINT_KEY = 'desk-climat.language';

function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_HINT_KEY, language);
  } catch {
    // Storage refused: the notice speaks the default language.
  }
}

/** The language the desk last showed, or the default one. */
export function rememberedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_HINT_KEY) === 'en' ? 'en' : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}
