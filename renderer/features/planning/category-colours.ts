import type { MissionCategory } from '../../../shared/domain/categories';

/**
 * One colour per category for the planning (product.md: "coloured by category"). Colour is never the only signal —
 * each shift also shows its mission's title — and every colour reaches 3:1 against the light background it borders
 * (WCAG 1.4.11).
 */
export const CATEGORY_COLOURS: Record<MissionCategory, string> = {
  FRESQUE: '#1d4ed8',
  SENSIBILISATION: '#7c3aed',
  BALADE_CLIMAT: '#0f766e',
  VEGETALISATION: '#15803d',
  JARDIN_ARROSAGE: '#4d7c0f',
  RUES_AUX_ECOLES: '#b45309',
  NETTOYAGE: '#57534e',
  COMPOST: '#854d0e',
  REPARATION: '#c2410c',
  ZERO_DECHET: '#0e7490',
  ENERGIE_LOGEMENT: '#a16207',
  CANICULE: '#b91c1c',
  BIODIVERSITE: '#166534',
  MOBILITE: '#0369a1',
  EVENEMENT_LOGISTIQUE: '#6d28d9',
  FORMATION: '#be185d',
  CONCERTATION: '#9d174d',
  AUTRE: '#4b5563',
};
