import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  mappingFileSchema,
  mappingFromFile,
  mappingKey,
  proposeMapping,
  targetOfHeader,
} from '../../../shared/import';

describe('proposed mapping', () => {
  it.each([
    ['Prénom', 'firstName'],
    ['prenom', 'firstName'],
    ['PRÉNOM ', 'firstName'],
    ['First name', 'firstName'],
    ['Nom', 'lastName'],
    ['Last name', 'lastName'],
    ['Nom de famille', 'lastName'],
    ['Courriel', 'email'],
    ['E-mail', 'email'],
    ['Mail', 'email'],
    ['Adresse e-mail', 'email'],
    ['Portable', 'phone'],
    ['Téléphone', 'phone'],
    ['Tel', 'phone'],
    ['Tél.', 'phone'],
    ['Numéro de portable', 'phone'],
    ['CP', 'postcode'],
    ['Code postal', 'postcode'],
    ['Né(e) le', 'birthDate'],
    ['Date de naissance', 'birthDate'],
    ['Compétences', 'skills'],
    ['Disponibilités', 'availability'],
    ["J'accepte que mes coordonnées soient transmises à la Ville de Paris", 'citySharing'],
    ['Consentement partage Ville de Paris', 'citySharing'],
    ['I agree to share my details with the City of Paris', 'citySharing'],
    ['Horodateur', 'submittedAt'],
    ['Timestamp', 'submittedAt'],
    ['Commentaire', 'notes'],
    ['Taille de t-shirt', 'notes'],
    ['', 'ignore'],
  ])('%j → %s', (header, target) => {
    expect(targetOfHeader(header)).toBe(target);
  });

  it('gives each person field to the first column that suggests it, later ones to the notes', () => {
    expect(proposeMapping(['Nom', 'Prénom', 'Mail', 'Courriel', 'Pointure']).columns).toEqual([
      'lastName',
      'firstName',
      'email',
      'notes',
      'notes',
    ]);
  });
});

describe('checking a mapping', () => {
  const header = ['Nom', 'Prénom', 'Mail'];
  it('accepts the proposal and refuses what cannot work', () => {
    expect(checkMapping(proposeMapping(header), header)).toEqual({ ok: true });
    expect(checkMapping({ columns: ['lastName', 'firstName'] }, header)).toMatchObject({
      ok: false,
      error: 'mapping_does_not_fit',
    });
    expect(checkMapping({ columns: ['lastName', 'lastName', 'email'] }, header)).toEqual({
      ok: false,
      error: 'field_mapped_twice',
      field: 'lastName',
    });
    expect(checkMapping({ columns: ['notes', 'ignore', 'email'] }, header)).toEqual({
      ok: false,
      error: 'no_name_column',
    });
    expect(checkMapping({ columns: ['notes', 'firstName', 'notes'] }, header)).toEqual({ ok: true });
  });
});

describe('mapping key', () => {
  it('is the same for the same headers whatever their accents and case, and differs otherwise', () => {
    const key = mappingKey(['Nom', 'Prénom', 'Courriel']);
    expect(key).toMatch(/^csv-v1-3-[0-9a-f]{16}$/);
    expect(mappingKey(['NOM', 'prenom', 'courriel '])).toBe(key);
    expect(mappingKey(['Prénom', 'Nom', 'Courriel'])).not.toBe(key);
    expect(mappingKey(['Nom', 'Prénom', 'Courriel', 'CP'])).not.toBe(key);
    expect(mappingKey(['Nom', 'Prénom'])).not.toBe(mappingKey(['Nom Prénom']));
  });
});

describe('mapping files', () => {
  const header = ['Nom', 'Prénom', 'Mail', 'Pointure'];
  it('by column index', () => {
    const file = mappingFileSchema.parse({ columns: ['lastName', 'firstName', 'ignore', 'ignore'] });
    expect(mappingFromFile(file, header)).toEqual({
      ok: true,
      mapping: { columns: ['lastName', 'firstName', 'ignore', 'ignore'] },
    });
  });

  it('by header name (folded), the other columns keeping the proposal', () => {
    const file = mappingFileSchema.parse({ headers: { POINTURE: 'ignore', mail: 'notes' } });
    expect(mappingFromFile(file, header)).toEqual({
      ok: true,
      mapping: { columns: ['lastName', 'firstName', 'notes', 'ignore'] },
    });
    expect(mappingFromFile(mappingFileSchema.parse({ headers: { Age: 'ignore' } }), header)).toEqual({
      ok: false,
      error: 'unknown_header',
      header: 'Age',
    });
  });

  it('refuses unknown targets and shapes', () => {
    expect(mappingFileSchema.safeParse({ columns: ['lastName', 'shoeSize'] }).success).toBe(false);
    expect(mappingFileSchema.safeParse({ columns: [], extra: 1 }).success).toBe(false);
    expect(mappingFileSchema.safeParse(['lastName']).success).toBe(false);
  });
});
