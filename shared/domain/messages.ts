import type { AssociationIdentityError } from './association-identity';
import type { AttendanceIssue } from './attendance';
import type { DuplicateRule } from './duplicates';
import type { EmailError, EmailWarning } from './email';
import type { WallTimeError } from './paris-time';
import type { PhoneError } from './phone';
import type { OccurrenceFlag, RecurrenceError, SkipReason } from './recurrence';
import type { OverrideError, RefusalCode } from './signup-decision';
import type { VolunteerRefError } from './volunteer-ref';

/**
 * The domain's functions return codes, never prose; this is where every code gets its sentence, in French (first,
 * the default) and English, for the renderer and the command line alike. Plain, inclusive French, sentence case.
 * `{{name}}` marks a value filled in by `formatMessage` (the same syntax as i18next, which the renderer uses).
 * The record's type lists every code, so a new code without its sentences does not compile.
 */

export type MessageCode =
  | WallTimeError
  | RecurrenceError
  | SkipReason
  | OccurrenceFlag
  | RefusalCode
  | OverrideError
  | PhoneError
  | EmailError
  | EmailWarning
  | DuplicateRule
  | AssociationIdentityError
  | AttendanceIssue
  | VolunteerRefError;

export interface Message {
  readonly fr: string;
  readonly en: string;
}

export const MESSAGES: Readonly<Record<MessageCode, Message>> = {
  invalid_local_time: {
    fr: 'Cette date ou cette heure n’existe pas dans le calendrier.',
    en: 'This date or time does not exist in the calendar.',
  },
  nonexistent_local_time: {
    fr: 'Cette heure n’existe pas à Paris ce jour-là : on passe à l’heure d’été et les horloges sautent de 2 h à 3 h. Choisissez une autre heure.',
    en: 'This time does not exist in Paris that day: clocks go forward from 2:00 to 3:00 for summer time. Choose another time.',
  },
  ambiguous_local_time: {
    fr: 'Cette heure existe deux fois à Paris ce jour-là, au retour à l’heure d’hiver. Précisez s’il s’agit de la première ou de la seconde.',
    en: 'This time happens twice in Paris that day, when clocks go back for winter time. Say whether you mean the first or the second.',
  },
  invalid_recurrence_pattern: {
    fr: 'La répétition est incomplète : choisissez au moins un jour, des heures valides et une date de fin après la date de début.',
    en: 'The repeat pattern is incomplete: choose at least one day, valid times and an end date after the start date.',
  },
  too_many_occurrences: {
    fr: 'Cette répétition créerait {{count}} créneaux, au-delà de la limite de {{max}}. Raccourcissez la période.',
    en: 'This pattern would create {{count}} shifts, more than the limit of {{max}}. Shorten the period.',
  },
  exception_date: {
    fr: 'Date exclue de la répétition.',
    en: 'Date excluded from the pattern.',
  },
  nonexistent_start: {
    fr: 'Pas de créneau ce jour-là : l’heure de début n’existe pas à Paris (passage à l’heure d’été).',
    en: 'No shift that day: the start time does not exist in Paris (clocks go forward).',
  },
  nonexistent_end: {
    fr: 'Pas de créneau ce jour-là : l’heure de fin n’existe pas à Paris (passage à l’heure d’été).',
    en: 'No shift that day: the end time does not exist in Paris (clocks go forward).',
  },
  ambiguous_start: {
    fr: 'L’heure de début existe deux fois ce jour-là (retour à l’heure d’hiver) : vérifiez laquelle a été retenue.',
    en: 'The start time happens twice that day (clocks go back): check which one was chosen.',
  },
  ambiguous_end: {
    fr: 'L’heure de fin existe deux fois ce jour-là (retour à l’heure d’hiver) : vérifiez laquelle a été retenue.',
    en: 'The end time happens twice that day (clocks go back): check which one was chosen.',
  },
  shift_full: {
    fr: 'Ce créneau est complet. Vous pouvez proposer la liste d’attente.',
    en: 'This shift is full. You can offer the waiting list.',
  },
  overlap: {
    fr: 'Cette personne est déjà inscrite sur un autre créneau au même moment.',
    en: 'This person is already signed up to another shift at the same time.',
  },
  under_minimum_age: {
    fr: 'Cette personne n’a pas l’âge minimum de la mission ({{minimumAge}} ans).',
    en: 'This person is under the mission’s minimum age ({{minimumAge}}).',
  },
  minor_without_authorisation: {
    fr: 'Cette personne est mineure et la mission demande une autorisation parentale, qui n’a pas été reçue.',
    en: 'This person is a minor and the mission requires a parental authorisation, which has not been received.',
  },
  volunteer_inactive: {
    fr: 'Cette personne est inactive ou archivée. Réactivez sa fiche avant de l’inscrire.',
    en: 'This person is inactive or archived. Reactivate their record before signing them up.',
  },
  override_reason_required: {
    fr: 'Pour passer outre, indiquez la raison.',
    en: 'To override, give the reason.',
  },
  override_operator_required: {
    fr: 'Pour passer outre, indiquez qui prend la décision.',
    en: 'To override, say who makes the decision.',
  },
  empty_phone: {
    fr: 'Le numéro de téléphone est vide.',
    en: 'The phone number is empty.',
  },
  invalid_phone: {
    fr: 'Ce numéro de téléphone n’est pas valide. Exemples : 06 12 34 56 78 ou +44 7700 900123.',
    en: 'This phone number is not valid. Examples: 06 12 34 56 78 or +44 7700 900123.',
  },
  empty_email: {
    fr: 'L’adresse e-mail est vide.',
    en: 'The e-mail address is empty.',
  },
  invalid_email: {
    fr: 'Cette adresse e-mail n’est pas valide.',
    en: 'This e-mail address is not valid.',
  },
  non_ascii_email: {
    fr: 'Cette adresse contient des caractères accentués ou spéciaux : certaines messageries ne pourront pas y écrire. Vérifiez-la.',
    en: 'This address contains accented or special characters: some mail systems cannot send to it. Check it.',
  },
  same_email: {
    fr: 'Même adresse e-mail qu’une personne déjà enregistrée.',
    en: 'Same e-mail address as a person already recorded.',
  },
  same_phone: {
    fr: 'Même numéro de téléphone qu’une personne déjà enregistrée.',
    en: 'Same phone number as a person already recorded.',
  },
  same_name_and_birth_date: {
    fr: 'Même nom et même date de naissance qu’une personne déjà enregistrée.',
    en: 'Same name and date of birth as a person already recorded.',
  },
  siret_format: {
    fr: 'Le numéro SIRET compte 14 chiffres.',
    en: 'A SIRET number has 14 digits.',
  },
  siret_checksum: {
    fr: 'Ce numéro SIRET contient une erreur de saisie (la clé de contrôle ne correspond pas).',
    en: 'This SIRET number contains a typo (its check digit does not match).',
  },
  rna_format: {
    fr: 'Le numéro RNA commence par W suivi de 9 chiffres.',
    en: 'An RNA number is W followed by 9 digits.',
  },
  departure_before_arrival: {
    fr: 'L’heure de départ est avant l’heure d’arrivée. Corrigez les horaires.',
    en: 'The departure time is before the arrival time. Correct the times.',
  },
  invalid_volunteer_ref: {
    fr: 'Cette référence bénévole n’est pas valide : vérifiez chaque caractère.',
    en: 'This volunteer reference is not valid: check each character.',
  },
};

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}

/** The sentence of a code in a language, with `{{name}}` filled from `values` (left as is when missing). */
export function formatMessage(
  code: MessageCode,
  language: 'fr' | 'en',
  values: Readonly<Record<string, string | number>> = {},
): string {
  return MESSAGES[code][language].replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}
