import { formatMessage, isMessageCode, type Message, type MessageCode } from '../domain/messages';

/**
 * The import's codes and their sentences, French first then English (same conventions as shared/domain/messages.ts,
 * which stays untouched because other features import it). Codes the domain already names (`invalid_email`,
 * `invalid_phone`, `non_ascii_email`, `same_email`…) keep the domain's sentence: `importMessage` looks here first,
 * then there. The record's type lists every code, so a new code without its sentences does not compile.
 */

/** Why a file cannot be read at all: nothing is imported. */
export const FILE_ERRORS = ['empty_file', 'not_text', 'unterminated_quote', 'no_rows'] as const;
export type FileError = (typeof FILE_ERRORS)[number];

/** Why a mapping cannot be used. */
export const MAPPING_ERRORS = [
  'no_name_column',
  'field_mapped_twice',
  'mapping_does_not_fit',
  'unknown_header',
] as const;
export type MappingError = (typeof MAPPING_ERRORS)[number];

/** A value that cannot be stored: the field is dropped (automatic mode), fixed, or the row left out. */
export const IMPORT_FIELD_ERRORS = [
  'invalid_postcode',
  'impossible_date',
  'invalid_date',
  'future_birth_date',
  'invalid_consent',
  'invalid_timestamp',
  'too_long',
] as const;
export type ImportFieldError = (typeof IMPORT_FIELD_ERRORS)[number];

/** Stored, but worth a look. */
export const IMPORT_WARNINGS = ['formula_like_name', 'extra_cells', 'malformed_quotes'] as const;
export type ImportWarning = (typeof IMPORT_WARNINGS)[number];

/** Why a row was not imported (the extra column of the rejected-rows file). */
export const REJECTION_REASONS = ['no_name', 'duplicate_in_file', 'duplicate_existing', 'left_out'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const IMPORT_NOTICES = ['decoded_as_windows_1252'] as const;
export type ImportNotice = (typeof IMPORT_NOTICES)[number];

export type ImportMessageCode =
  FileError | MappingError | ImportFieldError | ImportWarning | RejectionReason | ImportNotice | 'rejection_column';

export const IMPORT_MESSAGES: Readonly<Record<ImportMessageCode, Message>> = {
  empty_file: {
    fr: 'Le fichier est vide (ligne {{line}}) : il ne contient aucune ligne à importer.',
    en: 'The file is empty (line {{line}}): it holds no line to import.',
  },
  not_text: {
    fr: 'Ce fichier n’est pas un fichier texte CSV (caractère binaire ligne {{line}}). Enregistrez la liste au format CSV depuis votre tableur.',
    en: 'This file is not a CSV text file (binary character on line {{line}}). Save the list as CSV from your spreadsheet.',
  },
  unterminated_quote: {
    fr: 'Un guillemet ouvert ligne {{line}} n’est jamais refermé : corrigez cette cellule puis réessayez.',
    en: 'A quote opened on line {{line}} is never closed: correct that cell and try again.',
  },
  no_rows: {
    fr: 'Le fichier ne contient que la ligne d’en-tête (ligne {{line}}) : aucune personne à importer.',
    en: 'The file holds only its header line (line {{line}}): no one to import.',
  },
  no_name_column: {
    fr: 'Associez au moins une colonne au prénom ou au nom.',
    en: 'Map at least one column to the first name or the last name.',
  },
  field_mapped_twice: {
    fr: 'Deux colonnes sont associées au même champ ({{field}}) : gardez-en une seule.',
    en: 'Two columns are mapped to the same field ({{field}}): keep only one.',
  },
  mapping_does_not_fit: {
    fr: 'Cette correspondance de colonnes ne convient pas à ce fichier ({{count}} colonnes).',
    en: 'This column mapping does not fit this file ({{count}} columns).',
  },
  unknown_header: {
    fr: 'La correspondance nomme une colonne absente du fichier : « {{header}} ».',
    en: 'The mapping names a column the file does not have: "{{header}}".',
  },
  invalid_postcode: {
    fr: 'Ce code postal n’est pas valide : il compte 5 chiffres (par exemple 75116).',
    en: 'This postcode is not valid: it has 5 digits (for example 75116).',
  },
  impossible_date: {
    fr: 'Cette date n’existe pas dans le calendrier (par exemple un 31 février).',
    en: 'This date does not exist in the calendar (a 31 February, for example).',
  },
  invalid_date: {
    fr: 'Date illisible : écrivez-la jj/mm/aaaa, aaaa-mm-jj ou jj-mm-aa.',
    en: 'Unreadable date: write it dd/mm/yyyy, yyyy-mm-dd or dd-mm-yy.',
  },
  future_birth_date: {
    fr: 'Cette date de naissance est dans le futur.',
    en: 'This date of birth is in the future.',
  },
  invalid_consent: {
    fr: 'Réponse au consentement illisible : « Oui » ou « Non » attendu.',
    en: 'Unreadable consent answer: "Yes" or "No" expected.',
  },
  invalid_timestamp: {
    fr: 'Horodatage illisible : le consentement est daté du jour du fichier.',
    en: 'Unreadable timestamp: the consent is dated with the file’s date.',
  },
  too_long: {
    fr: 'Ce texte est trop long pour être enregistré.',
    en: 'This text is too long to be stored.',
  },
  formula_like_name: {
    fr: 'Ce nom commence par « = », « + », « - » ou « @ » : il est enregistré tel quel, mais un tableur pourrait le prendre pour une formule. Vérifiez-le.',
    en: 'This name starts with "=", "+", "-" or "@": it is stored as typed, but a spreadsheet could take it for a formula. Check it.',
  },
  extra_cells: {
    fr: 'Cette ligne a plus de cellules que l’en-tête : les cellules en trop sont ignorées.',
    en: 'This row has more cells than the header: the extra cells are ignored.',
  },
  malformed_quotes: {
    fr: 'Guillemets mal placés dans cette ligne : vérifiez ses cellules.',
    en: 'Misplaced quotes in this row: check its cells.',
  },
  no_name: {
    fr: 'Ni prénom ni nom : ligne non importée.',
    en: 'Neither first nor last name: row not imported.',
  },
  duplicate_in_file: {
    fr: 'Même personne qu’une ligne précédente du fichier (ligne {{line}}) : ligne ignorée.',
    en: 'Same person as an earlier row of the file (line {{line}}): row skipped.',
  },
  duplicate_existing: {
    fr: 'Personne déjà enregistrée ({{ref}}) : ligne ignorée.',
    en: 'Person already recorded ({{ref}}): row skipped.',
  },
  left_out: {
    fr: 'Ligne écartée à l’import à cause d’une valeur invalide.',
    en: 'Row left out of the import because of an invalid value.',
  },
  decoded_as_windows_1252: {
    fr: 'Ce fichier n’est pas en UTF-8 : il a été lu en Windows-1252 (encodage d’Excel). Vérifiez les accents dans l’aperçu.',
    en: 'This file is not UTF-8: it was read as Windows-1252 (Excel’s encoding). Check the accents in the preview.',
  },
  rejection_column: {
    fr: 'Motif du rejet',
    en: 'Reason for rejection',
  },
};

export type AnyImportCode = ImportMessageCode | MessageCode;

/** The sentence of an import or domain code, with `{{name}}` filled from `values`. */
export function importMessage(
  code: AnyImportCode,
  language: 'fr' | 'en',
  values: Readonly<Record<string, string | number>> = {},
): string {
  if (Object.hasOwn(IMPORT_MESSAGES, code)) {
    return IMPORT_MESSAGES[code as ImportMessageCode][language].replace(
      /\{\{(\w+)\}\}/g,
      (placeholder, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : placeholder),
    );
  }
  if (isMessageCode(code)) return formatMessage(code, language, values);
  return code;
}
