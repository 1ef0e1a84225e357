/**
 * The main process's user-facing texts. Error messages are returned to the renderer as one string, French first then
 * English, because the renderer shows them as they are; dialog titles follow the UI language.
 */
export type UiLanguage = 'fr' | 'en';

/** French unless the locale is English (the product is French first). */
export function uiLanguageFor(locale: string | undefined): UiLanguage {
  return locale !== undefined && /^en(?:[-_]|$)/i.test(locale) ? 'en' : 'fr';
}

export const DIALOG_TITLES: Readonly<Record<UiLanguage, Readonly<Record<'save' | 'open' | 'savePdf', string>>>> = {
  fr: { save: 'Enregistrer le fichier', open: 'Ouvrir un fichier', savePdf: 'Enregistrer en PDF' },
  en: { save: 'Save file', open: 'Open a file', savePdf: 'Save as PDF' },
};

/** A short technical reason (a Node error code when there is one) to help support; never a stack. */
export function errorDetail(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message.slice(0, 200);
  }
  return 'unknown';
}

export const MESSAGES = {
  saveFailed: (detail: string): string =>
    `Le fichier n’a pas pu être enregistré ; l’ancien fichier, s’il existait, est intact (${detail}). / ` +
    `The file could not be saved; the previous file, if any, is intact (${detail}).`,
  openFailed: (detail: string): string =>
    `Le fichier n’a pas pu être lu (${detail}). / The file could not be read (${detail}).`,
  notAFile: (): string => 'Ce n’est pas un fichier. / This is not a file.',
  pdfFailed: (detail: string): string =>
    `Le PDF n’a pas pu être créé (${detail}). / The PDF could not be created (${detail}).`,
} as const;
