/**
 * Paris geography (../shared/docs/domain.md): postcode → arrondissement by table, never by string arithmetic.
 * The 16th has two postcodes, 75016 (south) and 75116 (north); 75116 is also its INSEE code. Arrondissements 1–4
 * form the "Paris Centre" sector since July 2020. CEDEX codes map to no arrondissement.
 */

export interface Arrondissement {
  /** 1…20 */
  readonly number: number;
  /** INSEE code, 75101…75120. */
  readonly insee: string;
  /** Sector as exported: "Paris Centre" for 1–4, else the number as text. */
  readonly sector: string;
}

export const PARIS_COMMUNE_INSEE = '75056';

const ARRONDISSEMENTS: readonly Arrondissement[] = Array.from({ length: 20 }, (_unused, index) => {
  const number = index + 1;
  return { number, insee: String(75100 + number), sector: number <= 4 ? 'Paris Centre' : String(number) };
});

/** Every postcode that serves an arrondissement: 75001…75020, plus 75116 for the north of the 16th. */
const POSTCODE_TO_ARRONDISSEMENT: ReadonlyMap<string, Arrondissement> = new Map([
  ...ARRONDISSEMENTS.map((arrondissement) => [String(75000 + arrondissement.number), arrondissement] as const),
  ['75116', ARRONDISSEMENTS[15] as Arrondissement],
]);

export const PARIS_POSTCODES: readonly string[] = [...POSTCODE_TO_ARRONDISSEMENT.keys()];
export const PARIS_ARRONDISSEMENTS: readonly Arrondissement[] = ARRONDISSEMENTS;

export function arrondissementFromPostcode(postcode: string): Arrondissement | null {
  return POSTCODE_TO_ARRONDISSEMENT.get(postcode.trim()) ?? null;
}

export function arrondissementFromInsee(insee: string): Arrondissement | null {
  return ARRONDISSEMENTS.find((arrondissement) => arrondissement.insee === insee) ?? null;
}

/**
 * Where a mission is, as the export writes it (city-export.md, `arrondissement_insee` and `secteur`): the stored
 * INSEE code (75101…75120 in Paris, the commune's code outside), else the one the postcode gives by table; the sector
 * only inside Paris ("Paris Centre" for 1–4, else the number). Online or unknown: both null.
 */
export function missionPlace(mission: { arrondissementInsee: string | null; postcode: string | null }): {
  arrondissementInsee: string | null;
  sector: string | null;
} {
  const insee =
    mission.arrondissementInsee ??
    (mission.postcode === null ? null : (arrondissementFromPostcode(mission.postcode)?.insee ?? null));
  return {
    arrondissementInsee: insee,
    sector: insee === null ? null : (arrondissementFromInsee(insee)?.sector ?? null),
  };
}
