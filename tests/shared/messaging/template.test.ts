import { describe, expect, it } from 'vitest';
import {
  checkMessageTemplate,
  checkTemplateText,
  DEFAULT_MESSAGE_TEMPLATES,
  fillTemplate,
  PLACEHOLDERS,
  shiftPlaceholderValues,
} from '../../../shared/messaging';

describe('templates', () => {
  it('names an unknown placeholder instead of leaving a blank', () => {
    expect(checkTemplateText('Bonjour {prenom}, rendez-vous {lieux} à {heure_debut} ({lieux})').issues).toEqual([
      { kind: 'unknown_placeholder', name: 'lieux' },
    ]);
    expect(checkMessageTemplate({ name: 'x', subject: '{Mission}', body: 'ok' })).toEqual([
      { field: 'subject', issue: { kind: 'unknown_placeholder', name: 'Mission' } },
    ]);
  });

  it('finds a stray or unclosed brace', () => {
    expect(checkTemplateText('Bonjour {prenom').issues).toEqual([{ kind: 'unclosed_brace', at: 8 }]);
    expect(checkTemplateText('a } b').issues).toEqual([{ kind: 'unclosed_brace', at: 2 }]);
  });

  it('fills every placeholder, and refuses one without a value (e.g. {prenom} in a group message)', () => {
    const text = PLACEHOLDERS.map((name) => `{${name}}`).join('|');
    const values = Object.fromEntries(PLACEHOLDERS.map((name) => [name, name.toUpperCase()]));
    expect(fillTemplate(text, values)).toEqual({ ok: true, text: PLACEHOLDERS.map((n) => n.toUpperCase()).join('|') });
    const { prenom: _prenom, ...group } = values;
    expect(fillTemplate(text, group)).toEqual({ ok: false, issues: [{ kind: 'missing_value', name: 'prenom' }] });
  });

  it('ships French and English defaults that pass the check', () => {
    for (const language of ['fr', 'en'] as const) {
      expect(DEFAULT_MESSAGE_TEMPLATES.some((template) => template.language === language)).toBe(true);
    }
    for (const template of DEFAULT_MESSAGE_TEMPLATES) expect(checkMessageTemplate(template)).toEqual([]);
  });

  it('gives a shift’s values in Paris time, and no home address', () => {
    const mission = {
      title: 'Visites',
      placeName: 'Paris 18e',
      address: '3 rue X',
      atPrivateHomes: true,
      postcode: '75018',
      whatToBring: '',
    };
    // 28 March 2026 08:30 UTC is 09:30 in Paris (winter); 30 March 2026 07:30 UTC is 09:30 (summer).
    const winter = shiftPlaceholderValues(
      mission,
      { start: '2026-03-28T08:30:00.000Z', end: '2026-03-28T11:00:00.000Z' },
      { language: 'fr', contact: 'c@x.fr' },
    );
    expect(winter).toMatchObject({
      date: 'samedi 28 mars 2026',
      heure_debut: '09:30',
      heure_fin: '12:00',
      adresse: '',
    });
    const summer = shiftPlaceholderValues(
      { ...mission, atPrivateHomes: false },
      { start: '2026-03-30T07:30:00.000Z', end: '2026-03-30T10:00:00.000Z' },
      { language: 'en', contact: 'c@x.fr' },
    );
    expect(summer).toMatchObject({ date: 'Monday, 30 March 2026', heure_debut: '09:30', adresse: '3 rue X 75018' });
  });
});
