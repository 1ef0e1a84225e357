import { checkEmail } from '../../../shared/domain/email';
import { normalisePhone } from '../../../shared/domain/phone';
import type { NewVolunteer } from '../../db/repositories/volunteers-repository';

export interface VolunteerDraft {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  postcode: string;
}

export const EMPTY_VOLUNTEER_DRAFT: VolunteerDraft = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  postcode: '',
};

/** An i18n key under `validation` per invalid field. */
export type VolunteerErrors = Partial<
  Record<keyof VolunteerDraft, 'required' | 'email' | 'phone' | 'postcode' | 'tooLong'>
>;
export type VolunteerWarnings = Partial<Record<keyof VolunteerDraft, 'emailNonAscii'>>;

/** The create form's checks, with the domain's rules: names as typed (trimmed), phone to E.164, e-mail checked. */
export function validateVolunteerDraft(
  draft: VolunteerDraft,
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
  let phone: string | null = null;
  if (draft.phone.trim()) {
    const normalised = normalisePhone(draft.phone);
    if (normalised.ok) phone = normalised.e164;
    else errors.phone = 'phone';
  }
  const postcode = draft.postcode.trim();
  if (postcode && !/^\d{5}$/.test(postcode)) errors.postcode = 'postcode';

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
      birthDate: null,
      ageBand: null,
      parentalAuthorisation: null,
      guardianName: null,
      guardianPhone: null,
      skills: [],
      languages: [],
      availability: '',
      notes: '',
      status: 'active',
    },
  };
}
