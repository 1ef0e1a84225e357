import i18next, { type BackendModule, type i18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/model';
import { fr } from './fr';
import { domainMessages, initOptions } from './setup';

/**
 * English, fetched as a chunk of its own (issue #12: only the active language's catalogue at start). i18next asks for
 * it when the language changes to English and switches once it has it, so no screen is ever half translated.
 */
const englishOnDemand: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    if (language !== 'en') {
      // French is bundled: never asked for, answered all the same.
      callback(null, namespace === 'domain' ? domainMessages('fr') : fr);
      return;
    }
    import('./en').then(
      ({ en }) => callback(null, namespace === 'domain' ? domainMessages('en') : en),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * The app's instance (bootstrap): French, the default and the fallback, always; English too when it is the language
 * the desk starts in, else only if the language changes to it.
 */
export async function createAppI18n(language: Language): Promise<i18n> {
  const resources: Resource = { fr: { translation: fr, domain: domainMessages('fr') } };
  if (language === 'en') {
    const { en } = await import('./en');
    resources.en = { translation: en, domain: domainMessages('en') };
  }
  const instance = i18next.createInstance();
  await instance
    .use(englishOnDemand)
    .use(initReactI18next)
    .init({
      ...initOptions(language, resources),
      // Both namespaces are fetched together when English arrives.
      ns: ['translation', 'domain'],
      partialBundledLanguages: true,
    });
  return instance;
}
