import { describe, expect, it } from 'vitest';
import {
  draftIsMinor,
  EMPTY_VOLUNTEER_DRAFT,
  validateVolunteerDraft,
} from '../../../renderer/features/volunteers/validate-volunteer';

const TODAY = '2026-11-28';

describe('the volunteer form checks', () => {
  it('needs a first or a last name', () => {
    const result = validateVolunteerDraft({ ...EMPTY_VOLUNTEER_DRAFT, email: 'a@example.org' }, TODAY);
    expect(result).toEqual({ ok: false, errors: { firstName: 'required', lastName: 'required' } });
    expect(validateVolunteerDraft({ ...EMPTY_VOLUNTEER_DRAFT, lastName: 'Diallo' }, TODAY).ok).toBe(true);
  });

  it('stores phones in E.164 whatever the notation, names as typed (trimmed), and lists split', () => {
    const result = validateVolunteerDraft(
      {
        ...EMPTY_VOLUNTEER_DRAFT,
        firstName: '  BŒUF ',
        phone: '+33 (0)6 12 34 56 78',
        skills: 'Fresque, premiers secours, Fresque',
      },
      TODAY,
    );
    if (!result.ok) throw new Error('should pass');
    expect(result.volunteer.phone).toBe('+33612345678');
    expect(result.volunteer.firstName).toBe('BŒUF');
    expect(result.volunteer.skills).toEqual(['Fresque', 'premiers secours']);
    expect(result.volunteer.status).toBe('active');
  });

  it('reports each faulty field, and warns (without refusing) on a non-ASCII e-mail', () => {
    const bad = validateVolunteerDraft(
      {
        ...EMPTY_VOLUNTEER_DRAFT,
        firstName: 'A',
        email: 'a@b',
        phone: '12',
        postcode: '7511',
        birthDate: '2027-01-01',
      },
      TODAY,
    );
    expect(bad).toEqual({
      ok: false,
      errors: { email: 'email', phone: 'phone', postcode: 'postcode', birthDate: 'futureDate' },
    });
    expect(
      validateVolunteerDraft({ ...EMPTY_VOLUNTEER_DRAFT, firstName: 'A', birthDate: '2010-02-31' }, TODAY),
    ).toEqual({
      ok: false,
      errors: { birthDate: 'date' },
    });
    const warned = validateVolunteerDraft(
      { ...EMPTY_VOLUNTEER_DRAFT, firstName: 'F', email: 'françois@example.fr' },
      TODAY,
    );
    expect(warned.ok && warned.warnings).toEqual({ email: 'emailNonAscii' });
  });

  it('keeps the guardian and authorisation for a minor only, defaulting to a missing authorisation', () => {
    const minor = {
      ...EMPTY_VOLUNTEER_DRAFT,
      firstName: 'Léa',
      birthDate: '2012-05-01',
      guardianName: 'Anne Martin',
      guardianPhone: '0611223344',
    };
    expect(draftIsMinor(minor, TODAY)).toBe(true);
    const kept = validateVolunteerDraft(minor, TODAY);
    if (!kept.ok) throw new Error('should pass');
    expect(kept.volunteer.parentalAuthorisation).toBe('missing');
    expect(kept.volunteer.guardianName).toBe('Anne Martin');
    expect(kept.volunteer.guardianPhone).toBe('+33611223344');

    const adult = { ...minor, birthDate: '1990-05-01' };
    expect(draftIsMinor(adult, TODAY)).toBe(false);
    const dropped = validateVolunteerDraft(adult, TODAY);
    if (!dropped.ok) throw new Error('should pass');
    expect(dropped.volunteer.parentalAuthorisation).toBeNull();
    expect(dropped.volunteer.guardianName).toBeNull();
  });

  it('treats an age band given as a minor band as a minor, and keeps the band with its date', () => {
    const draft = {
      ...EMPTY_VOLUNTEER_DRAFT,
      firstName: 'Tom',
      ageBand: '15_17' as const,
      ageBandGivenOn: '2026-09-01',
    };
    expect(draftIsMinor(draft, TODAY)).toBe(true);
    const result = validateVolunteerDraft(draft, TODAY);
    expect(result.ok && result.volunteer.ageBand).toEqual({ band: '15_17', givenOn: '2026-09-01' });
  });
});
