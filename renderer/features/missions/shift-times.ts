import { addDaysToLocalDate } from '../../../shared/domain/local-date';
import type { MessageCode } from '../../../shared/domain/messages';
import { ROLES, type Role, type Shift } from '../../../shared/domain/model';
import {
  instantToParisWallTime,
  parisDateAndTimeToInstant,
  parisInstantsOfWallTime,
  parisLocalDate,
  type Fold,
} from '../../../shared/domain/paris-time';

/** The shift form's state: a local date, two wall times, and the choice made in a repeated autumn hour. */
export interface ShiftDraft {
  date: string;
  start: string;
  end: string;
  startFold: Fold | null;
  endFold: Fold | null;
  capacity: string;
  roleNeeds: Record<Role, string>;
  requiredSkill: string;
}

export const EMPTY_SHIFT_DRAFT: ShiftDraft = {
  date: '',
  start: '',
  end: '',
  startFold: null,
  endFold: null,
  capacity: '10',
  roleNeeds: { volunteer: '', referent: '', facilitator: '', welcome: '' },
  requiredSkill: '',
};

export interface AmbiguousTime {
  field: 'start' | 'end';
  date: string;
  earlier: string;
  later: string;
}

/** A translation key (plain or in the `domain` namespace) per faulty field. */
export type ShiftErrors = Partial<Record<'date' | 'start' | 'end' | 'capacity' | Role, { key: string; ns?: 'domain' }>>;

export type ShiftFieldsFromForm = Pick<Shift, 'start' | 'end' | 'capacity' | 'roleNeeds' | 'requiredSkill'>;

/**
 * A shift typed as a local date and two wall times → two instants (domain.md, "Time"). An end at or before the start
 * is the next day (22:00–06:00). A time in the spring-forward gap is refused; in the repeated autumn hour the user
 * must choose which one (`startFold` / `endFold`).
 */
export function validateShiftDraft(
  draft: ShiftDraft,
):
  | { ok: true; fields: ShiftFieldsFromForm; endsNextDay: boolean }
  | { ok: false; errors: ShiftErrors; ambiguous: AmbiguousTime | null } {
  const errors: ShiftErrors = {};
  if (!draft.date) errors.date = { key: 'validation.required' };
  if (!draft.start) errors.start = { key: 'validation.required' };
  if (!draft.end) errors.end = { key: 'validation.required' };
  const capacity = /^\d+$/.test(draft.capacity.trim()) ? Number(draft.capacity) : NaN;
  if (!(capacity >= 1)) errors.capacity = { key: 'missions.errors.integer' };
  const roleNeeds: Shift['roleNeeds'] = [];
  for (const role of ROLES) {
    const text = draft.roleNeeds[role].trim();
    if (!text) continue;
    if (!/^\d+$/.test(text)) errors[role] = { key: 'missions.errors.integer' };
    else if (Number(text) > 0) roleNeeds.push({ role, count: Number(text) });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, ambiguous: null };

  const endsNextDay = draft.end <= draft.start;
  const start = parisDateAndTimeToInstant(draft.date, draft.start, draft.startFold ? { fold: draft.startFold } : {});
  if (!start.ok) return timeError('start', draft.date, start);
  const endDate = endsNextDay ? addDaysToLocalDate(draft.date, 1) : draft.date;
  const end = parisDateAndTimeToInstant(endDate, draft.end, draft.endFold ? { fold: draft.endFold } : {});
  if (!end.ok) return timeError('end', endDate, end);
  return {
    ok: true,
    endsNextDay,
    fields: {
      start: start.instant,
      end: end.instant,
      capacity,
      roleNeeds,
      requiredSkill: draft.requiredSkill.trim() || null,
    },
  };
}

function timeError(
  field: 'start' | 'end',
  date: string,
  result: { error: MessageCode; earlier?: string; later?: string },
): { ok: false; errors: ShiftErrors; ambiguous: AmbiguousTime | null } {
  const ambiguous =
    result.earlier !== undefined && result.later !== undefined
      ? { field, date, earlier: result.earlier, later: result.later }
      : null;
  return { ok: false, errors: { [field]: { key: result.error, ns: 'domain' } }, ambiguous };
}

/** An existing shift as the form shows it, with the fold that reproduces each instant. */
export function draftFromShift(shift: Shift): ShiftDraft {
  const needs = { ...EMPTY_SHIFT_DRAFT.roleNeeds };
  for (const need of shift.roleNeeds) needs[need.role] = String(need.count);
  return {
    date: parisLocalDate(shift.start),
    start: wallTimeOf(shift.start),
    end: wallTimeOf(shift.end),
    startFold: foldOf(shift.start),
    endFold: foldOf(shift.end),
    capacity: String(shift.capacity),
    roleNeeds: needs,
    requiredSkill: shift.requiredSkill ?? '',
  };
}

function wallTimeOf(instant: string): string {
  const wall = instantToParisWallTime(instant);
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

function foldOf(instant: string): Fold | null {
  const wall = instantToParisWallTime(instant);
  const candidates = parisInstantsOfWallTime(wall);
  if (candidates.length < 2) return null;
  return candidates[0] === Date.parse(instant) ? 'earlier' : 'later';
}
