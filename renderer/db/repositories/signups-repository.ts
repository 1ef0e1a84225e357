import { exportAttendance, timesFromEvents, type ExportAttendance } from '../../../shared/domain/attendance';
import { cancellationPatch, isLateCancellation } from '../../../shared/domain/cancellation';
import { capacityStatus, type CapacityStatus } from '../../../shared/domain/capacity';
import {
  signUpSchema,
  type CheckinEvent,
  type Mission,
  type Role,
  type Settings,
  type Shift,
  type SignUp,
} from '../../../shared/domain/model';
import { decideSignUp, type Override, type SignUpDecision } from '../../../shared/domain/signup-decision';
import { orderWaitingList, promotionsAfterChange, PROMOTION_PATCH } from '../../../shared/domain/waiting-list';
import { createRecord, updateRecord } from '../../../shared/records/record';
import type { DeskDatabase, StoredVolunteer } from '../database';
import type { DeskContext } from '../desk-context';
import { writeTransaction } from '../write';
import type { AuditRepository } from './audit-repository';
import type { SettingsRepository } from './settings-repository';

export interface RosterRow {
  signUp: SignUp;
  volunteer: StoredVolunteer | undefined;
  /** 1-based place on the waiting list. */
  waitingPosition: number | null;
  /** The participation as the city export will show it (city-export.md mapping). */
  attendance: ExportAttendance;
  /** Times seen by the desk, before any correction. */
  deskTimes: ReturnType<typeof timesFromEvents>;
  lateCancellation: boolean;
  /** For the review list: closed by the automatic check-out, or checked in and never out after the end. */
  needsReview: 'auto_check_out' | 'open_check_in' | null;
}

export interface Roster {
  shift: Shift;
  mission: Mission | undefined;
  fill: CapacityStatus;
  rows: RosterRow[];
}

/** What `signUp` should do when the decision is a refusal: nothing, or put the person on the waiting list. */
export type SignUpIntent = { kind: 'sign-up'; override?: Override | null } | { kind: 'waiting-list' };

export type SignUpResult = { ok: true; signUp: SignUp } | { ok: false; decision: SignUpDecision };

/**
 * Sign-ups and the roster (product.md, "Sign-ups and schedules"). Every decision is the domain's (decideSignUp),
 * taken again inside the write transaction so that two windows cannot both give away the last place; freed places
 * promote the waiting list in the same transaction; corrections are audited with operator and desk.
 */
export function createSignUpsRepository(
  db: DeskDatabase,
  desk: DeskContext,
  audit: AuditRepository,
  settings: SettingsRepository,
) {
  const readTables = [db.signUps, db.shifts, db.missions, db.volunteers, db.auditLog];

  async function decisionFor(volunteerId: string, shiftId: string, override: Override | null): Promise<SignUpDecision> {
    const [volunteer, shift] = await Promise.all([db.volunteers.get(volunteerId), db.shifts.get(shiftId)]);
    if (!volunteer || volunteer.deleted) throw new Error(`Volunteer ${volunteerId} not found`);
    if (!shift || shift.deleted) throw new Error(`Shift ${shiftId} not found`);
    const mission = await db.missions.get(shift.missionId);
    if (!mission) throw new Error(`Mission ${shift.missionId} not found`);
    const shiftSignUps = (await db.signUps.where('shiftId').equals(shiftId).toArray()).filter((s) => !s.deleted);
    const own = (await db.signUps.where('volunteerId').equals(volunteerId).toArray()).filter(
      (s) => !s.deleted && s.status !== 'cancelled',
    );
    const ownShifts = await db.shifts.bulkGet(own.map((signUp) => signUp.shiftId));
    const volunteerBookings = own.flatMap((signUp, index) => {
      const other = ownShifts[index];
      return other ? [{ signUp, shift: other }] : [];
    });
    return decideSignUp({ volunteer, shift, mission, shiftSignUps, volunteerBookings, override });
  }

  async function change(
    signUpId: string,
    patch: Partial<SignUp>,
    action: string,
    details: Record<string, unknown> = {},
  ) {
    return writeTransaction(db, desk, [db.signUps, db.shifts, db.auditLog], async (tick) => {
      const existing = await db.signUps.get(signUpId);
      if (!existing || existing.deleted) throw new Error(`Sign-up ${signUpId} not found`);
      const updated = signUpSchema.parse(updateRecord(existing, patch, tick()));
      await db.signUps.put(updated);
      await audit.append(action, existing.volunteerId, { signUpId, shiftId: existing.shiftId, ...details });
      return updated;
    });
  }

  /** Promotes the head of the waiting list into every free place (inside the caller's transaction). */
  async function promoteWaiting(shiftId: string, tick: () => string): Promise<string[]> {
    const shift = await db.shifts.get(shiftId);
    if (!shift) return [];
    const signUps = (await db.signUps.where('shiftId').equals(shiftId).toArray()).filter((s) => !s.deleted);
    const promoted: string[] = [];
    for (const promotion of promotionsAfterChange(shift, signUps)) {
      const waiting = signUps.find((signUp) => signUp.id === promotion.signUpId);
      if (!waiting) continue;
      await db.signUps.put(updateRecord(waiting, promotion.patch, tick()));
      await audit.append('signup.promote', waiting.volunteerId, { signUpId: waiting.id, shiftId });
      promoted.push(waiting.id);
    }
    return promoted;
  }

  return {
    /** The decision the screen shows before saving: accepted, or every reason to refuse. */
    decide(volunteerId: string, shiftId: string, override: Override | null = null): Promise<SignUpDecision> {
      return decisionFor(volunteerId, shiftId, override);
    },

    async signUp(volunteerId: string, shiftId: string, role: Role, intent: SignUpIntent): Promise<SignUpResult> {
      return writeTransaction(db, desk, readTables, async (tick) => {
        const override = intent.kind === 'sign-up' ? (intent.override ?? null) : null;
        const decision = await decisionFor(volunteerId, shiftId, override);
        const onlyFull = !decision.accepted && decision.refusals.every((refusal) => refusal.code === 'shift_full');
        const toWaitingList = intent.kind === 'waiting-list' && onlyFull;
        if (!decision.accepted && !toWaitingList) return { ok: false, decision };
        const now = desk.now().toISOString();
        const signUp = signUpSchema.parse(
          createRecord<SignUp>(
            {
              shiftId,
              volunteerId,
              role,
              status: toWaitingList ? 'waiting' : 'signed_up',
              toConfirm: false,
              waitingSince: toWaitingList ? now : null,
              cancelledAt: null,
              cancellationReason: null,
              cancellationCutoffHours: null,
              attendance: 'unmarked',
              attendanceSource: null,
              correctedArrival: null,
              correctedDeparture: null,
              declaredHours: null,
              declaredReason: null,
              override: decision.accepted ? decision.override : null,
            },
            { id: desk.newId(), clock: tick(), createdAt: now },
          ),
        );
        await db.signUps.add(signUp);
        if (signUp.override) {
          // Overrides are sensitive actions (product.md, "Privacy"): who, when, why, and what was refused.
          await audit.append('signup.override', volunteerId, {
            signUpId: signUp.id,
            shiftId,
            reason: signUp.override.reason,
            refusals: decision.refusals.map((refusal) => refusal.code),
          });
        }
        return { ok: true, signUp };
      });
    },

    /** Cancels with a reason; the cut-off in force is stored; the freed place promotes the waiting list. */
    async cancel(signUpId: string, reason: string): Promise<{ promoted: string[] }> {
      const current = await settings.get();
      return writeTransaction(db, desk, [db.signUps, db.shifts, db.auditLog], async (tick) => {
        const existing = await db.signUps.get(signUpId);
        if (!existing || existing.deleted || existing.status === 'cancelled')
          throw new Error(`Sign-up ${signUpId} cannot be cancelled`);
        const patch = cancellationPatch(current, desk.now().toISOString(), reason.trim() || null);
        await db.signUps.put(updateRecord(existing, { ...patch, waitingSince: null }, tick()));
        await audit.append('signup.cancel', existing.volunteerId, { signUpId, shiftId: existing.shiftId, reason });
        return { promoted: await promoteWaiting(existing.shiftId, tick) };
      });
    },

    /** A coordinator promotes someone from the waiting list by hand (still "to confirm"). */
    promote(signUpId: string): Promise<SignUp> {
      return change(signUpId, { ...PROMOTION_PATCH }, 'signup.promote');
    },

    confirm(signUpId: string): Promise<SignUp> {
      return change(signUpId, { toConfirm: false }, 'signup.confirm');
    },

    /** Present, absent or excused, marked by a coordinator after the event. */
    setAttendance(signUpId: string, attendance: SignUp['attendance']): Promise<SignUp> {
      return change(signUpId, { attendance, attendanceSource: 'manual' }, 'attendance.mark', { attendance });
    },

    /** Corrected times win over the desk's events (architecture.md, rule 7); the person is then present. */
    correctTimes(signUpId: string, arrival: string | null, departure: string | null): Promise<SignUp> {
      return change(
        signUpId,
        { correctedArrival: arrival, correctedDeparture: departure, attendance: 'present', attendanceSource: 'manual' },
        'attendance.correct-times',
        { arrival, departure },
      );
    },

    declareHours(signUpId: string, hours: number | null, reason: string): Promise<SignUp> {
      return change(
        signUpId,
        {
          declaredHours: hours,
          declaredReason: hours === null ? null : reason.trim(),
          attendance: 'present',
          attendanceSource: 'manual',
        },
        'attendance.declare-hours',
        { hours, reason },
      );
    },

    async roster(shiftId: string): Promise<Roster | null> {
      const shift = await db.shifts.get(shiftId);
      if (!shift || shift.deleted) return null;
      const [mission, signUps, events, current] = await Promise.all([
        db.missions.get(shift.missionId),
        db.signUps.where('shiftId').equals(shiftId).toArray(),
        db.checkinEvents.where('shiftId').equals(shiftId).toArray(),
        settings.get(),
      ]);
      const live = signUps.filter((signUp) => !signUp.deleted);
      const volunteers = await db.volunteers.bulkGet(live.map((signUp) => signUp.volunteerId));
      const waiting = orderWaitingList(live).map((signUp) => signUp.id);
      const rows = live.map((signUp, index) =>
        rosterRow(signUp, volunteers[index], waiting, events, shift, current, desk.now()),
      );
      return { shift, mission, fill: capacityStatus(shift, live), rows: rows.sort(byStatusThenName) };
    },

    /** A volunteer's upcoming shifts to sign up to: those starting in the next `days` days. */
    async upcomingShifts(days: number): Promise<{ shift: Shift; mission: Mission | undefined }[]> {
      const from = desk.now().toISOString();
      const to = new Date(desk.now().getTime() + days * 86_400_000).toISOString();
      const shifts = (await db.shifts.where('start').between(from, to).toArray()).filter((shift) => !shift.deleted);
      const missions = await db.missions.bulkGet([...new Set(shifts.map((shift) => shift.missionId))]);
      const byId = new Map(missions.flatMap((mission) => (mission ? [[mission.id, mission] as const] : [])));
      return shifts.map((shift) => ({ shift, mission: byId.get(shift.missionId) }));
    },
  };
}

export type SignUpsRepository = ReturnType<typeof createSignUpsRepository>;

function rosterRow(
  signUp: SignUp,
  volunteer: StoredVolunteer | undefined,
  waitingOrder: string[],
  events: CheckinEvent[],
  shift: Shift,
  settings: Settings,
  now: Date,
): RosterRow {
  const deskTimes = timesFromEvents(signUp.id, events);
  const corrected =
    signUp.correctedArrival !== null || signUp.correctedDeparture !== null || signUp.declaredHours !== null;
  const ended = Date.parse(shift.end) <= now.getTime();
  const needsReview =
    corrected || signUp.status !== 'signed_up'
      ? null
      : deskTimes.departureIsAutomatic
        ? 'auto_check_out'
        : ended && deskTimes.arrival !== null && deskTimes.departure === null
          ? 'open_check_in'
          : null;
  const position = waitingOrder.indexOf(signUp.id);
  return {
    signUp,
    volunteer,
    waitingPosition: position < 0 ? null : position + 1,
    attendance: exportAttendance(signUp, events, shift, settings),
    deskTimes,
    lateCancellation: isLateCancellation(signUp, shift, settings.cancellationCutoffHours),
    needsReview,
  };
}

const STATUS_ORDER: Record<SignUp['status'], number> = { signed_up: 0, waiting: 1, cancelled: 2 };
const collator = new Intl.Collator('fr', { sensitivity: 'base' });
function byStatusThenName(a: RosterRow, b: RosterRow): number {
  return (
    STATUS_ORDER[a.signUp.status] - STATUS_ORDER[b.signUp.status] ||
    (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0) ||
    collator.compare(a.volunteer?.lastName ?? '', b.volunteer?.lastName ?? '') ||
    collator.compare(a.volunteer?.firstName ?? '', b.volunteer?.firstName ?? '')
  );
}
