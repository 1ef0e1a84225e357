import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain/model';

/** The interface language, for formatting dates and numbers the way it reads them. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}
