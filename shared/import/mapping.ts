import { z } from 'zod';
import { foldText } from '../domain/text-folding';
import type { MappingError } from './messages';

/**
 * The column mapping (issue #10, "Mapping"): plain data, one target per column index, so that the screen can show
 * and change it, the app can remember it per header set (`mappingKey`), and the command line can read it from JSON.
 * A proposal comes from the header names, folded (accents, case and punctuation ignored) so that "Prénom", "prenom"
 * and "PRÉNOM" are one name; French and English variants are listed. A column nobody recognises goes to the notes
 * (nothing the person wrote is lost); the user can switch it to "ignore".
 */

export const PERSON_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'postcode',
  'birthDate',
  'skills',
  'availability',
  'citySharing',
  'submittedAt',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export const COLUMN_TARGETS = [...PERSON_FIELDS, 'notes', 'ignore'] as const;
export type ColumnTarget = (typeof COLUMN_TARGETS)[number];

/** `columns[i]` is where column `i`'s cells go. */
export interface ImportMapping {
  readonly columns: readonly ColumnTarget[];
}

/** Folded header names, exactly. */
const EXACT: Readonly<Record<PersonField | 'notes', readonly string[]>> = {
  firstName: ['prenom', 'prenoms', 'first name', 'firstname', 'given name', 'forename'],
  lastName: ['nom', 'nom de famille', 'nom d usage', 'last name', 'lastname', 'surname', 'family name'],
  email: [
    'courriel',
    'e mail',
    'email',
    'mail',
    'adresse e mail',
    'adresse mail',
    'adresse email',
    'adresse electronique',
    'email address',
    'e mail address',
  ],
  phone: [
    'portable',
    'telephone',
    'tel',
    'mobile',
    'phone',
    'gsm',
    'tel portable',
    'telephone portable',
    'numero de telephone',
    'phone number',
    'mobile phone',
  ],
  postcode: ['cp', 'code postal', 'postcode', 'postal code', 'zip', 'zip code'],
  birthDate: [
    'ne e le',
    'nee le',
    'ne le',
    'date de naissance',
    'naissance',
    'birth date',
    'birthdate',
    'date of birth',
    'dob',
  ],
  skills: ['competences', 'competence', 'skills', 'savoir faire'],
  availability: ['disponibilites', 'disponibilite', 'availability'],
  citySharing: [],
  submittedAt: ['horodateur', 'horodatage', 'timestamp', 'date de reponse', 'submitted at', 'date d inscription'],
  notes: [
    'commentaire',
    'commentaires',
    'remarque',
    'remarques',
    'notes',
    'note',
    'comment',
    'comments',
    'observations',
  ],
};

/** Longer headers ("Numéro de portable", "J'accepte que mes coordonnées soient transmises à la Ville de Paris"). */
const CONTAINS: readonly { readonly field: PersonField; readonly test: (folded: string) => boolean }[] = [
  { field: 'citySharing', test: (h) => /\bville\b/.test(h) && /consent|accept|accord|transmi|partag/.test(h) },
  { field: 'citySharing', test: (h) => /\bcity\b/.test(h) && /consent|agree|accept|shar/.test(h) },
  { field: 'email', test: (h) => /\b(e ?mail|courriel)\b/.test(h) },
  { field: 'phone', test: (h) => /\b(telephone|portable|mobile|phone)\b/.test(h) },
  { field: 'birthDate', test: (h) => /\bnaissance\b|\bbirth\b/.test(h) },
  { field: 'postcode', test: (h) => /\bcode postal\b|\bpostcode\b|\bpostal code\b/.test(h) },
];

/** The target a header suggests, before columns compete for a field. */
export function targetOfHeader(header: string): ColumnTarget {
  const folded = foldText(header);
  if (folded === '') return 'ignore';
  for (const [field, names] of Object.entries(EXACT) as [PersonField | 'notes', readonly string[]][]) {
    if (names.includes(folded)) return field;
  }
  return CONTAINS.find((rule) => rule.test(folded))?.field ?? 'notes';
}

/** True for a header that is a free comment: its cells go to the notes without the header before them. */
export function isCommentHeader(header: string): boolean {
  return EXACT.notes.includes(foldText(header));
}

/** The proposed mapping: each person field goes to the first column that suggests it; later ones to the notes. */
export function proposeMapping(header: readonly string[]): ImportMapping {
  const taken = new Set<ColumnTarget>();
  return {
    columns: header.map((name) => {
      const target = targetOfHeader(name);
      if (target === 'notes' || target === 'ignore') return target;
      if (taken.has(target)) return 'notes';
      taken.add(target);
      return target;
    }),
  };
}

export type MappingCheck =
  { readonly ok: true } | { readonly ok: false; readonly error: MappingError; readonly field?: string };

export function checkMapping(mapping: ImportMapping, header: readonly string[]): MappingCheck {
  if (mapping.columns.length !== header.length) return { ok: false, error: 'mapping_does_not_fit' };
  const seen = new Set<ColumnTarget>();
  for (const target of mapping.columns) {
    if (target === 'notes' || target === 'ignore') continue;
    if (seen.has(target)) return { ok: false, error: 'field_mapped_twice', field: target };
    seen.add(target);
  }
  if (!seen.has('firstName') && !seen.has('lastName')) return { ok: false, error: 'no_name_column' };
  return { ok: true };
}

/**
 * A stable key for a header set, to remember the mapping the user chose for files shaped the same way. Headers are
 * folded (a re-export that changes "Prénom" to "prenom" keeps its mapping); order and count matter, since the
 * mapping is by column index. FNV-1a 64-bit keeps the key short (settings, not security).
 */
export function mappingKey(header: readonly string[]): string {
  const text = header.map((name) => foldText(name)).join('\u001f');
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `csv-v1-${header.length}-${hash.toString(16).padStart(16, '0')}`;
}

const targetSchema = z.enum(COLUMN_TARGETS);
/**
 * A mapping file (the command line's `--mapping`): either `{ "columns": ["lastName", …] }` by column index, or
 * `{ "headers": { "Nom": "lastName", … } }` by header name (folded), the columns it does not name keeping the
 * proposal.
 */
export const mappingFileSchema = z.union([
  z.object({ columns: z.array(targetSchema) }).strict(),
  z.object({ headers: z.record(z.string(), targetSchema) }).strict(),
]);
export type MappingFile = z.infer<typeof mappingFileSchema>;

export function mappingFromFile(
  file: MappingFile,
  header: readonly string[],
): { ok: true; mapping: ImportMapping } | { ok: false; error: MappingError; header?: string } {
  if ('columns' in file) return { ok: true, mapping: { columns: file.columns } };
  const columns = [...proposeMapping(header).columns];
  const folded = header.map((name) => foldText(name));
  for (const [name, target] of Object.entries(file.headers)) {
    const index = folded.indexOf(foldText(name));
    if (index < 0) return { ok: false, error: 'unknown_header', header: name };
    columns[index] = target;
  }
  return { ok: true, mapping: { columns } };
}
