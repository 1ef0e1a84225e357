import { checkRna, checkSiret } from '../../../shared/domain/association-identity';
import { checkEmail } from '../../../shared/domain/email';
import { normalisePhone } from '../../../shared/domain/phone';
import type { Language, Settings } from '../../../shared/domain/model';

/** What the settings form holds: text as typed. */
export interface SettingsDraft {
  associationName: string;
  rna: string;
  siret: string;
  contactEmail: string;
  contactPhone: string;
  deskName: string;
  language: Language;
}

/** An i18n key under `validation` for each invalid field. */
export type SettingsErrors = Partial<
  Record<keyof SettingsDraft, 'required' | 'rna' | 'siret' | 'email' | 'phone' | 'tooLong'>
>;

export function draftFromSettings(settings: Settings): SettingsDraft {
  return {
    associationName: settings.associationName,
    rna: settings.rna ?? '',
    siret: settings.siret ?? '',
    contactEmail: settings.contactEmail ?? '',
    contactPhone: settings.contactPhone ?? '',
    deskName: settings.deskName,
    language: settings.language,
  };
}

/** Checks a draft with the domain's rules; returns the settings to save, or the errors to show. */
export function validateSettingsDraft(
  draft: SettingsDraft,
  current: Settings,
): { ok: true; settings: Settings } | { ok: false; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const associationName = draft.associationName.trim();
  const deskName = draft.deskName.trim();
  // Spaces are common when copying a SIRET or an RNA from a letter: ignore them.
  const rna = draft.rna.replace(/\s+/g, '').toUpperCase();
  const siret = draft.siret.replace(/\s+/g, '');
  const contactEmail = draft.contactEmail.trim();
  const contactPhone = draft.contactPhone.trim();

  if (!associationName) errors.associationName = 'required';
  else if (associationName.length > 200) errors.associationName = 'tooLong';
  if (!deskName) errors.deskName = 'required';
  else if (deskName.length > 100) errors.deskName = 'tooLong';
  if (rna && !checkRna(rna).ok) errors.rna = 'rna';
  if (siret && !checkSiret(siret).ok) errors.siret = 'siret';
  if (contactEmail && !checkEmail(contactEmail).ok) errors.contactEmail = 'email';
  const phone = contactPhone ? normalisePhone(contactPhone) : null;
  if (phone && !phone.ok) errors.contactPhone = 'phone';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      ...current,
      associationName,
      deskName,
      rna: rna || null,
      siret: siret || null,
      contactEmail: contactEmail || null,
      contactPhone: phone && phone.ok ? phone.e164 : null,
      language: draft.language,
    },
  };
}
