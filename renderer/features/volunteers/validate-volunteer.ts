import { ADULT_AGE, ageRangeAt } from '../../../shared/domain/age';
import { checkEmail } from '../../../shared/domain/email';
import { parseLocalDate } from '../../../shared/domain/local-date';
import { AGE_BANDS, type AgeBand, type Volunteer, type VolunteerStatus } from '../../../shared/domain/model';
import { formatPhone, normalisePhone } from '../../../shared/domain/phone';
import type { NewVolunteer } from '../../db/repositories/volunteers-repository';

/** The volunteer form's state: text as typed, choices as codes. */
export interface VolunteerDraft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  postcode: string;
  birthDate: string;
  ageBand: AgeBand | '';
  ageBandGivenOn: string;
  parentalAuthorisation: 'received' | 'missing' | '';
  guardianName: string;
  guardianPhone: string;
  skills: string;
  languages: string;
  availability: string;
  notes: string;
  status: VolunteerStatus;
}

export const EMPTY_VOLUNTEER_DRAFT: VolunteerDraft = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  postcode: '',
  birthDate: '',
  ageBand: '',
  ageBandGivenOn: '',
  parentalAuthorisation: '',
  guardianName: '',
  guardianPhone: '',
  skills: '',
  languages: '',
  availability: '',
  notes: '',
  status: 'active',
};

export function draftFromVolunteer(volunteer: Volunteer): VolunteerDraft {
  return {
    firstName: volunteer.firstName,
    lastName: volunteer.lastName,
    email: volunteer.email ?? '',
    // Shown as people write it (06 12 34 56 78); stored in E.164.
    phone: volunteer.phone ? formatPhone(volunteer.phone) : '',
    postcode: volunteer.postcode ?? '',
    birthDate: volunteer.birthDate ?? '',
    ageBand: volunteer.ageBand?.band ?? '',
    ageBandGivenOn: volunteer.ageBand?.givenOn ?? '',
    parentalAuthorisation: volunteer.parentalAuthorisation ?? '',
    guardianName: volunteer.guardianName ?? '',
    guardianPhone: volunteer.guardianPhone ? formatPhone(volunteer.guardianPhone) : '',
    skills: volunteer.skills.join(', '),
    languages: volunteer.languages.join(', '),
    availability: volunteer.availability,
    notes: volunteer.notes,
    status: volunteer.status,
  };
}

/** An i18n key under `validation` per invalid field. */
export type VolunteerErrorKey = 'required' | 'email' | 'phone' | 'postcode' | 'tooLong' | 'date' | 'futureDate';
export type VolunteerErrors = Partial<Record<keyof VolunteerDraft, VolunteerErrorKey>>;
export type VolunteerWarnings = Partial<Record<keyof VolunteerDraft, 'emailNonAscii'>>;

/**
 * Whether the draft may describe a minor today: the form then asks for the parental authorisation and a guardian.
 * "May": someone who said "15 to 17" three months ago may be 18 now, but the guardian's details are still asked —
 * it is safer to have them than to miss them.
 */
export function draftIsMinor(draft: VolunteerDraft, today: string): boolean {
  const birthDate = parseLocalDate(draft.birthDate) && draft.birthDate <= today ? draft.birthDate : null;
  const ageBand = !birthDate && draft.ageBand ? { band: draft.ageBand, givenOn: draft.ageBandGivenOn || today } : null;
  return mayBeMinor(birthDate, ageBand, today);
}

function mayBeMinor(birthDate: string | null, ageBand: Volunteer['ageBand'], today: string): boolean {
  const range = ageRangeAt({ birthDate, ageBand }, today);
  return range !== null && range.min < ADULT_AGE;
}

/**
 * The form's checks, with the domain's rules: names as typed (trimmed; fixing capitals is the user's call), phones
 * to E.164, e-mails checked (non-ASCII is a warning), real dates not in the future. `today` is a local date.
 */
export function validateVolunteerDraft(
  draft: VolunteerDraft,
  today: string,
): { ok: true; volunteer: NewVolunteer; warnings: VolunteerWarnings } | { ok: false; errors: VolunteerErrors } {
  const errors: VolunteerErrors = {};
  const warnings: VolunteerWarnings = {};
  const firstName = draft.firstName.trim();
  const lastName = draft.lastName.trim();
  // A person needs at least one name (fixtures README: a row with neither is not a person).
  if (!firstName && !lastName) {
    errors.firstName = 'required';
    errors.lastName = 'required';
  }
  if (firstName.length > 200) errors.firstName = 'tooLong';
  if (lastName.length > 200) errors.lastName = 'tooLong';

  let email: string | null = null;
  if (draft.email.trim()) {
    const checked = checkEmail(draft.email);
    if (!checked.ok) errors.email = 'email';
    else {
      email = checked.email;
      if (checked.warning) warnings.email = 'emailNonAscii';
    }
  }
  const phone = optionalPhone(draft.phone, 'phone', errors);
  const guardianPhone = optionalPhone(draft.guardianPhone, 'guardianPhone', errors);
  const postcode = draft.postcode.trim();
  if (postcode && !/^\d{5}$/.test(postcode)) errors.postcode = 'postcode';

  const birthDate = optionalPastDate(draft.birthDate, 'birthDate', today, errors);
  const ageBandGivenOn = draft.ageBand
    ? (optionalPastDate(draft.ageBandGivenOn, 'ageBandGivenOn', today, errors) ?? today)
    : null;
  const ageBand =
    !birthDate && draft.ageBand && AGE_BANDS.includes(draft.ageBand) && ageBandGivenOn
      ? { band: draft.ageBand, givenOn: ageBandGivenOn }
      : null;
  const minor = mayBeMinor(birthDate, ageBand, today);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    warnings,
    volunteer: {
      firstName,
      lastName,
      email,
      phone,
      postcode: postcode || null,
      birthDate,
      ageBand,
      // Guardian data is kept only for minors (GDPR minimisation).
      parentalAuthorisation: minor ? draft.parentalAuthorisation || 'missing' : null,
      guardianName: minor ? draft.guardianName.trim() || null : null,
      guardianPhone: minor ? guardianPhone : null,
      skills: splitList(draft.skills),
      languages: splitList(draft.languages),
      availability: draft.availability.trim(),
      notes: draft.notes.trim(),
      status: draft.status,
    },
  };
}

function optionalPhone(text: string, field: 'phone' | 'guardianPhone', errors: VolunteerErrors): string | null {
  if (!text.trim()) return null;
  const normalised = normalisePhone(text);
  if (normalised.ok) return normalised.e164;
  errors[field] = 'phone';
  return null;
}

function optionalPastDate(
  text: string,
  field: 'birthDate' | 'ageBandGivenOn',
  today: string,
  errors: VolunteerErrors,
): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!parseLocalDate(trimmed)) {
    errors[field] = 'date';
    return null;
  }
  if (trimmed > today) {
    errors[field] = 'futureDate';
    return null;
  }
  return trimmed;
}

/** "Fresque, premiers secours" → ["Fresque", "premiers secours"]: duplicates and blanks dropped. */
function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}
