import { describe, expect, it } from 'vitest';
import { identityNeedles, removeMentions } from '../../../shared/domain/identity-mentions';

const awa = {
  firstName: 'Awa',
  lastName: 'Diallo',
  email: 'awa.diallo@example.org',
  phone: '+33611223344',
  guardianName: null,
  guardianPhone: null,
};

describe('identity mentions', () => {
  it('looks for whole identifiers only: the full name both ways, e-mail, phones — never a first name alone', () => {
    expect(identityNeedles(awa)).toEqual([
      'Awa Diallo',
      'Diallo Awa',
      'awa.diallo@example.org',
      '+33611223344',
      '0611223344',
    ]);
    expect(identityNeedles({ ...awa, lastName: '', email: null, phone: null })).toEqual([]);
  });

  it('removes every mention at any depth, case ignored, and returns the same value when there is none', () => {
    const details = { note: 'Appel de AWA DIALLO (0611223344)', nested: [{ who: 'diallo awa' }], count: 3, ids: ['x'] };
    expect(removeMentions(details, identityNeedles(awa))).toEqual({
      note: 'Appel de  ()',
      nested: [{ who: '' }],
      count: 3,
      ids: ['x'],
    });
    const untouched = { note: 'Awa a appelé', count: 1 };
    expect(removeMentions(untouched, identityNeedles(awa))).toBe(untouched);
    expect(removeMentions('texte', [])).toBe('texte');
  });
});
