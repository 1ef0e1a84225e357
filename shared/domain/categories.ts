/** Mission categories and their codes (../shared/docs/domain.md). Labels live in the renderer's i18n resources. */
export const MISSION_CATEGORIES = [
  'FRESQUE',
  'SENSIBILISATION',
  'BALADE_CLIMAT',
  'VEGETALISATION',
  'JARDIN_ARROSAGE',
  'RUES_AUX_ECOLES',
  'NETTOYAGE',
  'COMPOST',
  'REPARATION',
  'ZERO_DECHET',
  'ENERGIE_LOGEMENT',
  'CANICULE',
  'BIODIVERSITE',
  'MOBILITE',
  'EVENEMENT_LOGISTIQUE',
  'FORMATION',
  'CONCERTATION',
  'AUTRE',
] as const;
export type MissionCategory = (typeof MISSION_CATEGORIES)[number];

/** The impact figure that each category records, if any. */
export const IMPACT_FIGURE_BY_CATEGORY: Record<MissionCategory, ImpactFigure | null> = {
  FRESQUE: 'peopleReached',
  SENSIBILISATION: 'peopleReached',
  BALADE_CLIMAT: 'peopleReached',
  VEGETALISATION: 'm2Greened',
  JARDIN_ARROSAGE: null,
  RUES_AUX_ECOLES: 'peopleReached',
  NETTOYAGE: 'kgWaste',
  COMPOST: 'kgWaste',
  REPARATION: 'objectsRepaired',
  ZERO_DECHET: 'peopleReached',
  ENERGIE_LOGEMENT: 'peopleContacted',
  CANICULE: 'peopleContacted',
  BIODIVERSITE: null,
  MOBILITE: 'peopleReached',
  EVENEMENT_LOGISTIQUE: null,
  FORMATION: null,
  CONCERTATION: null,
  AUTRE: null,
};

export const IMPACT_FIGURES = ['kgWaste', 'm2Greened', 'peopleReached', 'objectsRepaired', 'peopleContacted'] as const;
export type ImpactFigure = (typeof IMPACT_FIGURES)[number];
