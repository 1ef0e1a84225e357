import { z } from 'zod';
import { isoDateSchema, isoInstantSchema, mergeableBaseSchema, uuidSchema } from '../records/record';
import { IMPACT_FIGURES, MISSION_CATEGORIES } from './categories';
import { isValidVolunteerRef } from './volunteer-ref';
import { messageTemplateSchema } from '../messaging/templates';

/**
 * The domain's records and their zod schemas: one source of truth for the store (renderer/db), snapshots, imports,
 * exports and the command line. Shared records extend `mergeableBaseSchema` (architecture.md, rule 7); the logs and
 * the erasure register merge by union; settings and desk state are desk-local and never merged.
 */

const text = (max: number) => z.string().max(max);
const optionalText = (max: number) => z.string().max(max).nullable();

export const VOLUNTEER_STATUSES = ['active', 'inactive', 'archived'] as const;
export const AGE_BANDS = ['under_15', '15_17', '18_25', '26_64', '65_plus'] as const;
export const PARENTAL_AUTHORISATION = ['received', 'missing'] as const;

export const volunteerRefSchema = z
  .string()
  .refine(isValidVolunteerRef, { message: 'Référence bénévole invalide / invalid volunteer reference' });

export const volunteerSchema = mergeableBaseSchema.extend({
  ref: volunteerRefSchema,
  firstName: text(200),
  lastName: text(200),
  email: optionalText(320),
  /** E.164, e.g. +33612345678. */
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .nullable(),
  postcode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  /** INSEE code of the arrondissement (75101…75120) derived from the postcode by table, or null. */
  arrondissementInsee: z
    .string()
    .regex(/^\d[\dAB]\d{3}$/)
    .nullable(),
  birthDate: isoDateSchema.nullable(),
  /** When only an age band was given: the band and the date it was given. */
  ageBand: z.object({ band: z.enum(AGE_BANDS), givenOn: isoDateSchema }).nullable(),
  parentalAuthorisation: z.enum(PARENTAL_AUTHORISATION).nullable(),
  guardianName: optionalText(200),
  guardianPhone: optionalText(32),
  skills: z.array(text(100)).max(100),
  languages: z.array(text(50)).max(50),
  availability: text(2000),
  notes: text(10000),
  status: z.enum(VOLUNTEER_STATUSES),
});
export type Volunteer = z.infer<typeof volunteerSchema>;

export const CONSENT_PURPOSES = ['city_sharing', 'image_rights', 'newsletter', 'sms'] as const;
export const CONSENT_CHANNELS = ['desk', 'paper', 'online_form'] as const;

export const consentSchema = mergeableBaseSchema.extend({
  volunteerId: uuidSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  given: z.boolean(),
  date: isoDateSchema,
  noticeVersion: text(50),
  channel: z.enum(CONSENT_CHANNELS),
});
export type Consent = z.infer<typeof consentSchema>;

export const MISSION_STATUSES = ['planned', 'done', 'cancelled', 'postponed'] as const;
export const CANCELLATION_REASONS = ['heatwave_alert', 'weather', 'safety', 'other'] as const;
export const AUDIENCES = ['everyone', 'families', 'youth', 'adults', 'schools'] as const;

export const impactSchema = z.object(
  Object.fromEntries(IMPACT_FIGURES.map((figure) => [figure, z.number().nonnegative().nullable()])) as Record<
    (typeof IMPACT_FIGURES)[number],
    z.ZodNullable<z.ZodNumber>
  >,
);

export const missionSchema = mergeableBaseSchema.extend({
  title: text(300),
  description: text(10000),
  category: z.enum(MISSION_CATEGORIES),
  partner: text(300),
  placeName: text(300),
  /** Never exported when `atPrivateHomes` (home visits). */
  address: text(500),
  atPrivateHomes: z.boolean(),
  postcode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  /** INSEE code: 75101…75120 in Paris, the commune's code outside, null when online or unknown. */
  arrondissementInsee: z
    .string()
    .regex(/^\d[\dAB]\d{3}$/)
    .nullable(),
  online: z.boolean(),
  audience: z.enum(AUDIENCES),
  minimumAge: z.number().int().min(0).max(120).nullable(),
  minorsNeedAuthorisation: z.boolean(),
  stepFreeAccess: z.boolean().nullable(),
  referentName: text(200),
  referentPhone: optionalText(32),
  whatToBring: text(2000),
  status: z.enum(MISSION_STATUSES),
  cancellationReason: z.enum(CANCELLATION_REASONS).nullable(),
  impact: impactSchema,
});
export type Mission = z.infer<typeof missionSchema>;

export const ROLES = ['volunteer', 'referent', 'facilitator', 'welcome'] as const;
export type Role = (typeof ROLES)[number];

export const shiftSchema = mergeableBaseSchema.extend({
  missionId: uuidSchema,
  /** Instants in UTC; the zone is always Europe/Paris (domain.md, "Time"). */
  start: isoInstantSchema,
  end: isoInstantSchema,
  capacity: z.number().int().min(0).max(100000),
  roleNeeds: z.array(z.object({ role: z.enum(ROLES), count: z.number().int().min(0) })),
  requiredSkill: optionalText(100),
  /** Shifts generated from one recurring pattern share a series id. */
  seriesId: uuidSchema.nullable(),
});
export type Shift = z.infer<typeof shiftSchema>;

export const SIGN_UP_STATUSES = ['signed_up', 'waiting', 'cancelled'] as const;
export const ATTENDANCE = ['unmarked', 'present', 'absent', 'excused'] as const;
/** How a presence or absence was recorded, which decides the export's `mode_pointage`. */
export const ATTENDANCE_SOURCES = ['desk', 'desk_presence_default', 'manual', 'paper'] as const;

export const signUpSchema = mergeableBaseSchema.extend({
  shiftId: uuidSchema,
  volunteerId: uuidSchema,
  role: z.enum(ROLES),
  status: z.enum(SIGN_UP_STATUSES),
  /** Promoted from the waiting list, the volunteer still has to confirm. */
  toConfirm: z.boolean(),
  /** Order on the waiting list: the instant the person joined it. */
  waitingSince: isoInstantSchema.nullable(),
  cancelledAt: isoInstantSchema.nullable(),
  cancellationReason: optionalText(500),
  /** The cancellation cut-off in force when the sign-up was cancelled, in hours before the start. */
  cancellationCutoffHours: z.number().min(0).nullable(),
  attendance: z.enum(ATTENDANCE),
  attendanceSource: z.enum(ATTENDANCE_SOURCES).nullable(),
  /** A coordinator's correction wins over the check-in events of this sign-up. */
  correctedArrival: isoInstantSchema.nullable(),
  correctedDeparture: isoInstantSchema.nullable(),
  declaredHours: z
    .number()
    .min(0)
    .max(24 * 31)
    .nullable(),
  declaredReason: optionalText(500),
  /** A coordinator's override of a refusal: who, when and why (product.md, "Sign-ups"). */
  override: z.object({ reason: text(500), operator: text(200), at: isoInstantSchema }).nullable(),
});
export type SignUp = z.infer<typeof signUpSchema>;

export const CHECKIN_KINDS = ['check_in', 'check_out', 'auto_check_out'] as const;

/** Check-ins and check-outs are events with their own ids: an undo deletes one event (rule 7). */
export const checkinEventSchema = mergeableBaseSchema.extend({
  signUpId: uuidSchema,
  shiftId: uuidSchema,
  volunteerId: uuidSchema,
  kind: z.enum(CHECKIN_KINDS),
  at: isoInstantSchema,
  operator: text(200),
  deskId: text(100),
});
export type CheckinEvent = z.infer<typeof checkinEventSchema>;

/** Two volunteer records found to be one person: the newer id points at the kept one. */
export const aliasSchema = mergeableBaseSchema.extend({
  fromVolunteerId: uuidSchema,
  toVolunteerId: uuidSchema,
  fromRef: volunteerRefSchema,
});
export type Alias = z.infer<typeof aliasSchema>;

export const REVIEW_KINDS = ['possible_duplicate', 'overbooked_shift', 'other'] as const;
export const reviewItemSchema = mergeableBaseSchema.extend({
  kind: z.enum(REVIEW_KINDS),
  recordIds: z.array(uuidSchema),
  summary: text(1000),
  state: z.enum(['open', 'resolved']),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** Append-only logs: merged by union of their ids. */
export const auditEntrySchema = z.object({
  id: uuidSchema,
  at: isoInstantSchema,
  deskId: text(100),
  operator: text(200),
  action: text(100),
  subjectId: uuidSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const exportLogEntrySchema = z.object({
  id: uuidSchema,
  at: isoInstantSchema,
  deskId: text(100),
  operator: text(200),
  kind: text(100),
  profile: text(50).nullable(),
  mode: z.enum(['pseudonymous', 'named']).nullable(),
  reason: optionalText(1000),
  periodFrom: isoDateSchema.nullable(),
  periodTo: isoDateSchema.nullable(),
  fileName: text(300),
  /** Volunteers whose data the export carried, so an erasure can list the exports that contained them. */
  volunteerIds: z.array(uuidSchema),
  /** Data rows per file, as in the export's manifest. */
  rowCounts: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type ExportLogEntry = z.infer<typeof exportLogEntrySchema>;

/** The erasure register: a grow-only set, re-applied after every restore, merge and pull (rule 7). */
export const erasureSchema = z.object({
  volunteerId: uuidSchema,
  erasedAt: isoInstantSchema,
  /** The new random reference that the person's past participations carry. */
  replacementRef: volunteerRefSchema,
});
export type Erasure = z.infer<typeof erasureSchema>;

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Desk-local settings (never merged). */
export const settingsSchema = z.object({
  associationName: text(200),
  /** RNA: W + 9 digits. */
  rna: z
    .string()
    .regex(/^W\d{9}$/)
    .nullable(),
  siret: z
    .string()
    .regex(/^\d{14}$/)
    .nullable(),
  contactEmail: optionalText(320),
  contactPhone: optionalText(32),
  deskName: text(100),
  language: z.enum(LANGUAGES),
  /** Sign-ups cancelled later than this many hours before the start are late cancellations. */
  cancellationCutoffHours: z
    .number()
    .min(0)
    .max(24 * 30),
  retentionMonths: z.number().int().min(1).max(240),
  /** Retention (shared/domain/retention.ts): anonymise volunteers with no activity for `retentionMonths`. */
  retentionAnonymiseInactive: z.boolean(),
  /** Retention: purge parental authorisations and guardian contacts from the day after a minor's last shift. */
  retentionPurgeGuardian: z.boolean(),
  firstStartCompletedAt: isoInstantSchema.nullable(),
  /** The coordinator's desk PIN as a PBKDF2 hash and its salt (never the PIN); null until one is set. */
  coordinatorPinHash: z.string().max(200).nullable(),
  coordinatorPinSalt: z.string().max(100).nullable(),
  /** The desk locks itself after this many minutes without use (product.md, "Event desk"). */
  deskIdleLockMinutes: z.number().int().min(1).max(240),
  /** Message templates (issue #15); absent until first edited, the defaults of shared/messaging apply. */
  messageTemplates: z.array(messageTemplateSchema).max(100).optional(),
  /** Reminders list the shifts starting within this many hours (issue #15); 48 when absent. */
  reminderWindowHours: z.number().int().min(1).max(336).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  associationName: '',
  rna: null,
  siret: null,
  contactEmail: null,
  contactPhone: null,
  deskName: '',
  language: 'fr',
  cancellationCutoffHours: 24,
  retentionMonths: 24,
  retentionAnonymiseInactive: true,
  retentionPurgeGuardian: true,
  firstStartCompletedAt: null,
  coordinatorPinHash: null,
  coordinatorPinSalt: null,
  deskIdleLockMinutes: 5,
};

export { isoDateSchema, isoInstantSchema };
export type AgeBand = (typeof AGE_BANDS)[number];
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type MissionStatus = (typeof MISSION_STATUSES)[number];
