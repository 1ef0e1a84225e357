import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../../shared/domain/messages';
import { en } from '../../../../renderer/lib/i18n/en';
import { fr } from '../../../../renderer/lib/i18n/fr';

/** Every leaf of a catalogue as `path.to.key` → string (arrays and nested objects flattened). */
function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree !== null && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) {
      for (const [path, leaf] of leaves(value, prefix === '' ? key : `${prefix}.${key}`)) out.set(path, leaf);
    }
  } else {
    out.set(prefix, tree);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const FR = leaves(fr);
const EN = leaves(en);
const DOMAIN = Object.entries(MESSAGES);

describe('the French and English catalogues (the type check only sees the English side)', () => {
  it('have the same keys at runtime, feature catalogues included', () => {
    expect([...EN.keys()].filter((key) => !FR.has(key))).toEqual([]);
    expect([...FR.keys()].filter((key) => !EN.has(key))).toEqual([]);
    expect(FR.size).toBeGreaterThan(500);
  });

  it('hold only non-empty strings', () => {
    for (const catalogue of [FR, EN]) {
      const bad = [...catalogue].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
      expect(bad.map(([key]) => key)).toEqual([]);
    }
  });

  it('use the same interpolation placeholders on both sides', () => {
    const differing = [...FR].filter(
      ([key, value]) => placeholders(String(value)).join() !== placeholders(String(EN.get(key))).join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
    const domain = DOMAIN.filter(([, message]) => placeholders(message.fr).join() !== placeholders(message.en).join());
    expect(domain.map(([code]) => code)).toEqual([]);
  });
});

/**
 * French typography (domain.md conventions): a non-breaking space (U+00A0, or the narrow U+202F) before `:` `;` `?`
 * `!` and inside « », so that a line never starts with the punctuation. Times (10:30, HH:MM) and `{{…}}` are not text.
 */
function typographyFaults(text: string): string[] {
  const faults: string[] = [];
  const NBSP = /[\u00a0\u202f]/;
  const visible = text.replace(/\{\{[^}]*\}\}/g, 'X');
  for (let index = 0; index < visible.length; index += 1) {
    const char = visible[index] ?? '';
    const before = visible[index - 1] ?? '';
    const after = visible[index + 1] ?? '';
    // After an opening bracket or a quote mark, `?` is a key's name ("(? or F1)"), not sentence punctuation.
    if ((char === ';' || char === '?' || char === '!') && index > 0 && !NBSP.test(before) && !/[("“]/.test(before))
      faults.push(char);
    // A colon inside a token (10:30, HH:MM, https://) is not punctuation.
    if (char === ':' && index > 0 && !NBSP.test(before) && (after === '' || /\s/.test(after))) faults.push(char);
    if (char === '«' && !NBSP.test(after)) faults.push(char);
    if (char === '»' && !NBSP.test(before)) faults.push(char);
  }
  return faults;
}

describe('French typography in the French catalogues', () => {
  it('recognises what it checks', () => {
    expect(typographyFaults('Lieu : {{place}}')).toEqual([':']);
    expect(typographyFaults('Même personne ?')).toEqual(['?']);
    expect(typographyFaults('« Accueil »')).toEqual(['«', '»']);
    expect(typographyFaults('Lieu\u00a0: 10:30 (HH:MM), « Accueil\u00a0»')).toEqual(['«']);
    expect(typographyFaults('Vraiment\u202f? Oui\u202f!\u00a0«\u00a0a\u00a0»')).toEqual([]);
  });

  it('put a non-breaking space before : ; ? ! and inside « » in every French string', () => {
    const faulty = [...FR].filter(([, value]) => typographyFaults(String(value)).length > 0);
    expect(faulty.map(([key, value]) => `${key}: ${String(value)}`)).toEqual([]);
  });
});
