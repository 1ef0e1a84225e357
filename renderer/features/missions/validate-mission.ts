import {
  IMPACT_FIGURE_BY_CATEGORY,
  IMPACT_FIGURES,
  type ImpactFigure,
  type MissionCategory,
} from '../../../shared/domain/categories';
import type { Mission, MissionStatus } from '../../../shared/domain/model';
import { normalisePhone } from '../../../shared/domain/phone';
import type { MissionFields } from '../../db/repositories/missions-repository';

type CancellationReason = NonNullable<Mission['cancellationReason']>;
type StepFree = 'unknown' | 'yes' | 'no';

/** The mission form's state: text as typed, choices as codes. */
export interface MissionDraft {
  title: string;
  description: string;
  category: MissionCategory;
  partner: string;
  placeName: string;
  address: string;
  atPrivateHomes: boolean;
  online: boolean;
  postcode: string;
  insee: string;
  audience: Mission['audience'];
  minimumAge: string;
  minorsNeedAuthorisation: boolean;
  stepFreeAccess: StepFree;
  referentName: string;
  referentPhone: string;
  whatToBring: string;
  status: MissionStatus;
  cancellationReason: CancellationReason | '';
  impact: Record<ImpactFigure, string>;
}

export type MissionErrorKey =
  | 'validation.required'
  | 'validation.postcode'
  | 'validation.phone'
  | 'missions.errors.integer'
  | 'missions.errors.number'
  | 'missions.errors.cancellationReason'
  | 'missions.errors.insee';
export type MissionErrors = Partial<Record<keyof MissionDraft | ImpactFigure, MissionErrorKey>>;

const EMPTY_IMPACT = Object.fromEntries(IMPACT_FIGURES.map((figure) => [figure, ''])) as Record<ImpactFigure, string>;

export const EMPTY_MISSION_DRAFT: MissionDraft = {
  title: '',
  description: '',
  category: 'FRESQUE',
  partner: '',
  placeName: '',
  address: '',
  atPrivateHomes: false,
  online: false,
  postcode: '',
  insee: '',
  audience: 'everyone',
  minimumAge: '',
  minorsNeedAuthorisation: true,
  stepFreeAccess: 'unknown',
  referentName: '',
  referentPhone: '',
  whatToBring: '',
  status: 'planned',
  cancellationReason: '',
  impact: EMPTY_IMPACT,
};

export function draftFromMission(mission: Mission): MissionDraft {
  return {
    title: mission.title,
    description: mission.description,
    category: mission.category,
    partner: mission.partner,
    placeName: mission.placeName,
    address: mission.address,
    atPrivateHomes: mission.atPrivateHomes,
    online: mission.online,
    postcode: mission.postcode ?? '',
    insee: mission.postcode && mission.postcode.startsWith('75') ? '' : (mission.arrondissementInsee ?? ''),
    audience: mission.audience,
    minimumAge: mission.minimumAge === null ? '' : String(mission.minimumAge),
    minorsNeedAuthorisation: mission.minorsNeedAuthorisation,
    stepFreeAccess: mission.stepFreeAccess === null ? 'unknown' : mission.stepFreeAccess ? 'yes' : 'no',
    referentName: mission.referentName,
    referentPhone: mission.referentPhone ?? '',
    whatToBring: mission.whatToBring,
    status: mission.status,
    cancellationReason: mission.cancellationReason ?? '',
    impact: Object.fromEntries(
      IMPACT_FIGURES.map((figure) => [figure, mission.impact[figure] === null ? '' : String(mission.impact[figure])]),
    ) as Record<ImpactFigure, string>,
  };
}

/** The impact figure the form shows for a category (domain.md), if any. */
export function impactFigureOf(category: MissionCategory): ImpactFigure | null {
  return IMPACT_FIGURE_BY_CATEGORY[category];
}

/** Checks a draft; numbers accept a French decimal comma. */
export function validateMissionDraft(
  draft: MissionDraft,
): { ok: true; fields: MissionFields } | { ok: false; errors: MissionErrors } {
  const errors: MissionErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'validation.required';

  const postcode = draft.postcode.trim();
  if (postcode && !/^\d{5}$/.test(postcode)) errors.postcode = 'validation.postcode';
  const insee = draft.insee.trim().toUpperCase();
  if (insee && !/^\d[\dAB]\d{3}$/.test(insee)) errors.insee = 'missions.errors.insee';

  const minimumAge = parseWhole(draft.minimumAge);
  if (minimumAge === 'invalid' || (typeof minimumAge === 'number' && minimumAge > 120))
    errors.minimumAge = 'missions.errors.integer';

  let referentPhone: string | null = null;
  if (draft.referentPhone.trim()) {
    const phone = normalisePhone(draft.referentPhone);
    if (phone.ok) referentPhone = phone.e164;
    else errors.referentPhone = 'validation.phone';
  }
  if (draft.status === 'cancelled' && !draft.cancellationReason)
    errors.cancellationReason = 'missions.errors.cancellationReason';

  const impact = {} as Record<ImpactFigure, number | null>;
  const shown = impactFigureOf(draft.category);
  for (const figure of IMPACT_FIGURES) {
    // Only the category's own figure is kept: a figure left from another category would be reported wrongly.
    const value = figure === shown ? parseDecimal(draft.impact[figure]) : null;
    if (value === 'invalid') errors[figure] = 'missions.errors.number';
    impact[figure] = value === 'invalid' ? null : value;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      title,
      description: draft.description.trim(),
      category: draft.category,
      partner: draft.partner.trim(),
      placeName: draft.placeName.trim(),
      // The address of a private home is personal data: never stored for such a mission, so never exported.
      address: draft.atPrivateHomes ? '' : draft.address.trim(),
      atPrivateHomes: draft.atPrivateHomes,
      online: draft.online,
      postcode: postcode || null,
      arrondissementInsee: insee || null,
      audience: draft.audience,
      minimumAge: typeof minimumAge === 'number' ? minimumAge : null,
      minorsNeedAuthorisation: draft.minorsNeedAuthorisation,
      stepFreeAccess: draft.stepFreeAccess === 'unknown' ? null : draft.stepFreeAccess === 'yes',
      referentName: draft.referentName.trim(),
      referentPhone,
      whatToBring: draft.whatToBring.trim(),
      status: draft.status,
      cancellationReason: draft.status === 'cancelled' && draft.cancellationReason ? draft.cancellationReason : null,
      impact,
    },
  };
}

function parseWhole(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

function parseDecimal(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return null;
  return /^\d+(\.\d{1,2})?$/.test(trimmed) ? Number(trimmed) : 'invalid';
}
