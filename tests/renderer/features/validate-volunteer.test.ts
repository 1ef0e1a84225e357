import { describe, expect, it } from 'vitest';
import {
  EMPTY_VOLUNTEER_DRAFT,
  validateVolunteerDraft,
} from '../../../renderer/features/volunteers/validate-volunteer';

describe('the new-volunteer form checks', () => {
  it('needs a first or a last name', () => {
    const result = validateVolunteerDraft({ ...EMPTY_VOLUNTEER_DRAFT, email: 'a@example.org' });
    expect(result).toEqual({ ok: false, errors: { firstName: 'required', lastName: 'required' } });
    expect(validateVolunteerDraft({ ...EMPTY_VOLUNTEER_DRAFT, lastName: 'Diallo' }).ok).toBe(true);
  });

  it('stores phones in E.164 whatever the notation, and names as typed (trimmed)', () => {
    const result = validateVolunteerDraft({
      ...EMPTY_VOLUNTEER_DRAFT,
      firstName: '  BŒUF ',
      phone: '+33 (0)6 12 34 56 78',
    });
    if (!result.ok) throw new Error('should pass');
    expect(result.volunteer.phone).toBe('+33612345678');
    expect(result.volunteer.firstName).toBe('BŒUF');
    expect(result.volunteer.status).toBe('active');
  });

  it('reports each faulty field, and warns (without refusing) on a non-ASCII e-mail', () => {
    const bad = validateVolunteerDraft({ firstName: 'A', lastName: '', email: 'a@b', phone: '12', postcode: '7511' });
    expect(bad).toEqual({ ok: false, errors: { email: 'email', phone: 'phone', postcode: 'postcode' } });
    const warned = validateVolunteerDraft({ ...EMPTY_VOLUNTEER_DRAFT, firstName: 'F', email: 'françois@example.fr' });
    expect(warned.ok && warned.warnings).toEqual({ email: 'emailNonAscii' });
  });
});
