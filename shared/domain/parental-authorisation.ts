import { isMinorAt } from './age';
import type { LocalDate } from './local-date';
import type { Mission, Volunteer } from './model';

/**
 * Parental authorisation (domain.md, "Minors"; city-export.md, `autorisation_parentale`): it matters only for a
 * person known to be a minor at the shift's date, on a mission that requires one. Unknown ages and adults need none.
 */
export type ParentalAuthorisationState = 'received' | 'missing' | 'not_required';

export const PARENTAL_AUTHORISATION_EXPORT_CODES: Readonly<Record<ParentalAuthorisationState, string>> = {
  received: 'recue',
  missing: 'manquante',
  not_required: 'non_requise',
};

export function parentalAuthorisationState(
  volunteer: Pick<Volunteer, 'birthDate' | 'ageBand' | 'parentalAuthorisation'>,
  mission: Pick<Mission, 'minorsNeedAuthorisation'>,
  on: LocalDate,
): ParentalAuthorisationState {
  if (!mission.minorsNeedAuthorisation || !isMinorAt(volunteer, on)) return 'not_required';
  return volunteer.parentalAuthorisation === 'received' ? 'received' : 'missing';
}
