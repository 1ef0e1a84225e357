import { ENUM_VALUES } from './codes';

/**
 * The export's columns (city-export.md, "Columns"), one list per table, in the contract's order. Each column has a
 * value type that decides how it is formatted per profile and whether it is escaped: only `text` is ever quoted for
 * safety or prefixed with `'`; every other type is formatted by code (city-export.md, "Safety of the text").
 */

export type ColumnType = 'id' | 'text' | 'enum' | 'code' | 'int' | 'dec' | 'date' | 'datetime' | 'bool';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** Never empty (city-export.md, "Required columns"). */
  readonly required: boolean;
  /** `code` columns: the pattern their values match (Table Schema / XML Schema style: implicitly anchored). */
  readonly pattern?: string;
  /** `enum` columns: the allowed values. */
  readonly values?: readonly string[];
}

export const TABLE_NAMES = ['missions', 'creneaux', 'participations', 'agregats_mensuels'] as const;
export type ExportTableName = (typeof TABLE_NAMES)[number];

const id = (name: string): Column => ({ name, type: 'id', required: true });
const text = (name: string, required = false): Column => ({ name, type: 'text', required });
const code = (name: string, pattern: string, required = false): Column => ({ name, type: 'code', required, pattern });
const enumOf = (name: keyof typeof ENUM_VALUES, required = false): Column => ({
  name,
  type: 'enum',
  required,
  values: ENUM_VALUES[name],
});
const typed = (name: string, type: ColumnType, required = false): Column => ({ name, type, required });

export const PATTERNS = {
  rna: 'W[0-9]{9}',
  siret: '[0-9]{14}',
  postcode: '[0-9]{5}',
  /** 75101…75120 in Paris; other communes' INSEE codes, Corsica's 2A/2B included. */
  insee: '[0-9][0-9AB][0-9]{3}',
  /** `B-`, 8 characters of Crockford's base 32 and its check character (the checksum is verified separately). */
  volunteerRef: 'B-[0-9A-HJKMNP-TV-Z]{9}',
  /** French numbers as `06 12 34 56 78`, others in E.164. */
  phone: '0[1-9]( [0-9]{2}){4}|\\+[1-9][0-9]{6,14}',
  month: '[0-9]{4}-(0[1-9]|1[0-2])',
} as const;

const IMPACT_COLUMNS: readonly Column[] = [
  typed('kg_dechets', 'dec'),
  typed('m2_vegetalises', 'dec'),
  typed('nb_personnes_sensibilisees', 'int'),
  typed('nb_objets_repares', 'int'),
  typed('nb_personnes_contactees', 'int'),
];

export const MISSION_COLUMNS: readonly Column[] = [
  id('mission_id'),
  text('titre'),
  enumOf('categorie_code', true),
  text('association_nom', true),
  code('association_rna', PATTERNS.rna),
  code('association_siret', PATTERNS.siret),
  text('partenaire_ville'),
  text('lieu_nom'),
  text('adresse'),
  code('code_postal', PATTERNS.postcode),
  code('arrondissement_insee', PATTERNS.insee),
  text('secteur'),
  typed('date_debut', 'date'),
  typed('date_fin', 'date'),
  enumOf('public_vise'),
  typed('age_minimum', 'int'),
  typed('accessible_pmr', 'bool'),
  enumOf('statut', true),
  enumOf('motif_annulation'),
  ...IMPACT_COLUMNS,
  typed('date_maj', 'datetime', true),
];

export const SHIFT_COLUMNS: readonly Column[] = [
  id('creneau_id'),
  id('mission_id'),
  typed('debut', 'datetime', true),
  typed('fin', 'datetime', true),
  text('fuseau', true),
  typed('duree_prevue_h', 'dec', true),
  typed('capacite', 'int', true),
  typed('nb_inscrits', 'int', true),
  typed('nb_liste_attente', 'int', true),
  typed('nb_presents', 'int', true),
  typed('nb_absents', 'int', true),
  typed('heures_benevoles', 'dec', true),
  typed('date_maj', 'datetime', true),
];

export const PARTICIPATION_COLUMNS: readonly Column[] = [
  id('participation_id'),
  id('creneau_id'),
  id('mission_id'),
  code('benevole_ref', PATTERNS.volunteerRef, true),
  enumOf('tranche_age'),
  enumOf('autorisation_parentale', true),
  enumOf('role', true),
  enumOf('statut_inscription', true),
  enumOf('statut_presence', true),
  typed('pointage_arrivee', 'datetime'),
  typed('pointage_depart', 'datetime'),
  typed('duree_effective_h', 'dec'),
  enumOf('methode_duree'),
  enumOf('mode_pointage'),
  typed('premiere_participation', 'bool', true),
  typed('date_maj', 'datetime', true),
];

/** Named mode only (city-export.md, "Privacy"): filled only for volunteers whose current city consent is given. */
export const IDENTITY_COLUMNS: readonly Column[] = [
  text('nom'),
  text('prenom'),
  text('email'),
  code('telephone', PATTERNS.phone),
];

/** The `*` columns of the aggregates: suppressed when 1 to 4 (city-export.md, "Small counts"). */
export const SUPPRESSIBLE_COLUMNS = [
  'nb_participations',
  'nb_presences',
  'nb_benevoles_distincts',
  'nb_nouveaux_benevoles',
] as const;

export const AGGREGATE_COLUMNS: readonly Column[] = [
  code('periode', PATTERNS.month, true),
  code('arrondissement_insee', PATTERNS.insee),
  enumOf('categorie_code', true),
  typed('nb_missions_realisees', 'int', true),
  typed('nb_creneaux', 'int', true),
  ...SUPPRESSIBLE_COLUMNS.map((name) => typed(name, 'int')),
  typed('heures_benevoles', 'dec', true),
  ...IMPACT_COLUMNS,
  typed('secret_applique', 'bool', true),
];

export type ExportMode = 'pseudonymous' | 'named';

/** The columns of a table in a mode: named mode adds the four identity columns to the participations. */
export function columnsOf(table: ExportTableName, mode: ExportMode = 'pseudonymous'): readonly Column[] {
  switch (table) {
    case 'missions':
      return MISSION_COLUMNS;
    case 'creneaux':
      return SHIFT_COLUMNS;
    case 'participations':
      return mode === 'named' ? [...PARTICIPATION_COLUMNS, ...IDENTITY_COLUMNS] : PARTICIPATION_COLUMNS;
    case 'agregats_mensuels':
      return AGGREGATE_COLUMNS;
  }
}

export function fileNameOf(table: ExportTableName): string {
  return `${table}.csv`;
}
