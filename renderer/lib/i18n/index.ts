import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { MessageCode } from '../../../shared/domain/messages';
import type { Language } from '../../../shared/domain/model';
import { en } from './en';
import { fr, type Messages } from './fr';
import { DEFAULT_LANGUAGE, domainMessages, initOptions } from './setup';

export { applyDocumentLanguage, DEFAULT_LANGUAGE } from './setup';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages; domain: Record<MessageCode, string> };
  }
}

/**
 * One i18next instance per test (and per tool), both languages loaded. The app itself starts through start.ts, which
 * loads only the active language's catalogue.
 */
export function createI18n(language: Language = DEFAULT_LANGUAGE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init(
    initOptions(language, {
      fr: { translation: fr, domain: domainMessages('fr') },
      en: { translation: en, domain: domainMessages('en') },
    }),
  );
  return instance;
}
