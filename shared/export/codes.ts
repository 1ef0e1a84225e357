import { AGE_BAND_EXPORT_CODES } from '../domain/age';
import { MISSION_CATEGORIES } from '../domain/categories';
import type { AgeBand, AUDIENCES, CANCELLATION_REASONS, MISSION_STATUSES, Role } from '../domain/model';
import { PARENTAL_AUTHORISATION_EXPORT_CODES } from '../domain/parental-authorisation';

/**
 * The app's enum values are English; the city export speaks French codes (city-export.md, "Columns"). One table per
 * enum, typed as a total record so that a value added to the model without its code fails to compile.
 */

export const MISSION_STATUS_CODES = {
  planned: 'planifiee',
  done: 'realisee',
  cancelled: 'annulee',
  postponed: 'reportee',
} as const satisfies Record<(typeof MISSION_STATUSES)[number], string>;

export const CANCELLATION_REASON_CODES = {
  heatwave_alert: 'alerte_canicule',
  weather: 'meteo',
  safety: 'securite',
  other: 'autre',
} as const satisfies Record<(typeof CANCELLATION_REASONS)[number], string>;

export const AUDIENCE_CODES = {
  everyone: 'tout_public',
  families: 'familles',
  youth: 'jeunes',
  adults: 'adultes',
  schools: 'scolaires',
} as const satisfies Record<(typeof AUDIENCES)[number], string>;

export const ROLE_CODES = {
  volunteer: 'benevole',
  referent: 'referent',
  facilitator: 'animateur',
  welcome: 'accueil',
} as const satisfies Record<Role, string>;

/** The allowed values of each enum column, in the contract's order (they go into the Table Schemas). */
export const ENUM_VALUES = {
  categorie_code: [...MISSION_CATEGORIES],
  public_vise: Object.values(AUDIENCE_CODES),
  statut: Object.values(MISSION_STATUS_CODES),
  motif_annulation: Object.values(CANCELLATION_REASON_CODES),
  tranche_age: Object.values(AGE_BAND_EXPORT_CODES as Record<AgeBand, string>),
  autorisation_parentale: Object.values(PARENTAL_AUTHORISATION_EXPORT_CODES),
  role: Object.values(ROLE_CODES),
  statut_inscription: ['inscrit', 'liste_attente', 'annule'],
  statut_presence: ['present', 'absent', 'excuse', 'non_renseigne'],
  methode_duree: ['pointage', 'prevue', 'declaree'],
  mode_pointage: ['borne_hors_ligne', 'manuel', 'liste_papier'],
} as const satisfies Record<string, readonly string[]>;
