import type { Language } from '../../../shared/domain/model';
import { useLanguage } from '../use-language';

/**
 * The locale React Aria formats dates and times with. It follows the app's language, never the system's: an English
 * interface on a French laptop still reads dd/mm/yyyy. A Paris association writes British English: day first and a
 * 24-hour clock, as in French.
 */
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export function appLocale(language: Language): string {
  return LOCALES[language];
}

export function useAppLocale(): string {
  return appLocale(useLanguage());
}
