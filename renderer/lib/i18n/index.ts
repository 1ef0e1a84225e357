import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { MESSAGES, type MessageCode } from '../../../shared/domain/messages';
import type { Language } from '../../../shared/domain/model';
import { en } from './en';
import { fr, type Messages } from './fr';

/** French is the default language and the fallback (product.md, "Settings"). */
export const DEFAULT_LANGUAGE: Language = 'fr';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages; domain: Record<MessageCode, string> };
  }
}

/** The domain's codes (shared/domain/messages.ts) as the `domain` namespace: `t('domain:nonexistent_local_time')`. */
function domainMessages(language: Language): Record<MessageCode, string> {
  return Object.fromEntries(Object.entries(MESSAGES).map(([code, message]) => [code, message[language]])) as Record<
    MessageCode,
    string
  >;
}

/** One i18next instance per app (and per test), French first. */
export function createI18n(language: Language = DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['fr', 'en'],
    resources: {
      fr: { translation: fr, domain: domainMessages('fr') },
      en: { translation: en, domain: domainMessages('en') },
    },
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Keeps <html lang> true for screen readers (WCAG 3.1.1) when the language changes. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}
