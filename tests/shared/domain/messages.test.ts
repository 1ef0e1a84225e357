import { describe, expect, it } from 'vitest';
import { ASSOCIATION_IDENTITY_ERRORS } from '../../../shared/domain/association-identity';
import { ATTENDANCE_ISSUES } from '../../../shared/domain/attendance';
import { DUPLICATE_RULES } from '../../../shared/domain/duplicates';
import { EMAIL_ERRORS, EMAIL_WARNINGS } from '../../../shared/domain/email';
import { formatMessage, isMessageCode, MESSAGES } from '../../../shared/domain/messages';
import { WALL_TIME_ERRORS } from '../../../shared/domain/paris-time';
import { PHONE_ERRORS } from '../../../shared/domain/phone';
import { OCCURRENCE_FLAGS, RECURRENCE_ERRORS, SKIP_REASONS } from '../../../shared/domain/recurrence';
import { OVERRIDE_ERRORS, REFUSAL_REASONS } from '../../../shared/domain/signup-decision';
import { VOLUNTEER_REF_ERRORS } from '../../../shared/domain/volunteer-ref';

const ALL_CODES = [
  ...WALL_TIME_ERRORS,
  ...RECURRENCE_ERRORS,
  ...SKIP_REASONS,
  ...OCCURRENCE_FLAGS,
  ...REFUSAL_REASONS,
  ...OVERRIDE_ERRORS,
  ...PHONE_ERRORS,
  ...EMAIL_ERRORS,
  ...EMAIL_WARNINGS,
  ...DUPLICATE_RULES,
  ...ASSOCIATION_IDENTITY_ERRORS,
  ...ATTENDANCE_ISSUES,
  ...VOLUNTEER_REF_ERRORS,
];

describe('messages', () => {
  it('give every code a French and an English sentence, and nothing else', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...new Set(ALL_CODES)].sort());
    for (const code of ALL_CODES) {
      const { fr, en } = MESSAGES[code];
      for (const sentence of [fr, en]) {
        expect(sentence, code).toMatch(/^\p{Lu}/u); // sentence case
        expect(sentence, code).toMatch(/[.!?]$/);
        expect(sentence, code).not.toMatch(/\s{2}/);
      }
      expect(fr, code).not.toBe(en);
    }
  });

  it('fill values in', () => {
    expect(formatMessage('too_many_occurrences', 'fr', { count: 730, max: 500 })).toBe(
      'Cette répétition créerait 730 créneaux, au-delà de la limite de 500. Raccourcissez la période.',
    );
    expect(formatMessage('under_minimum_age', 'en', {})).toContain('{{minimumAge}}');
    expect(isMessageCode('shift_full')).toBe(true);
    expect(isMessageCode('toString')).toBe(false);
  });
});
