import { z } from 'zod';
import { exportAttendance } from '../domain/attendance';
import { formatHundredths, sumHundredths } from '../domain/hours';
import {
  ATTENDANCE,
  ATTENDANCE_SOURCES,
  CHECKIN_KINDS,
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  ROLES,
  SIGN_UP_STATUSES,
  volunteerSchema,
  type Alias,
  type AuditEntry,
  type CheckinEvent,
  type Consent,
  type ExportLogEntry,
  type Mission,
  type Settings,
  type Shift,
  type SignUp,
  type Volunteer,
} from '../domain/model';
import { isoDateSchema, isoInstantSchema, lastChange, uuidSchema } from '../records/record';

/**
 * The answer to an access request (GDPR art. 15, CNIL "Le droit d'accès"): everything this desk holds about one
 * person, as one JSON document. The structure is versioned (`format` + `version`) and validated with zod before it
 * is written, so a recipient (or a later version of the app) can rely on it; docs/access-request.md describes it.
 *
 * What is left out, on purpose: the per-field merge clocks (`clocks`, bookkeeping that says which desk wrote which
 * field last, not information about the person) and the free-form details of audit entries (they can name other
 * records, e.g. the other person of a merge). Deleted records that are still stored are included, flagged
 * `deleted`, because the app still holds them.
 */

export const ACCESS_REQUEST_FORMAT = 'desk-climat/access-request';
export const ACCESS_REQUEST_VERSION = 1;

const profileSchema = volunteerSchema.omit({ clocks: true });

const consentEntrySchema = z.object({
  id: uuidSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  given: z.boolean(),
  /** The date the person gave or refused it. */
  date: isoDateSchema,
  noticeVersion: z.string(),
  channel: z.enum(CONSENT_CHANNELS),
  /** When the answer was recorded in the app. */
  recordedAt: isoInstantSchema,
  deleted: z.boolean(),
  /** The answer in force for its purpose (the latest live one); earlier answers are the history. */
  current: z.boolean(),
});

const signUpEntrySchema = z.object({
  id: uuidSchema,
  missionId: uuidSchema.nullable(),
  missionTitle: z.string().nullable(),
  placeName: z.string().nullable(),
  shiftId: uuidSchema,
  shiftStart: isoInstantSchema.nullable(),
  shiftEnd: isoInstantSchema.nullable(),
  role: z.enum(ROLES),
  status: z.enum(SIGN_UP_STATUSES),
  toConfirm: z.boolean(),
  waitingSince: isoInstantSchema.nullable(),
  cancelledAt: isoInstantSchema.nullable(),
  cancellationReason: z.string().nullable(),
  attendance: z.enum(ATTENDANCE),
  attendanceSource: z.enum(ATTENDANCE_SOURCES).nullable(),
  correctedArrival: isoInstantSchema.nullable(),
  correctedDeparture: isoInstantSchema.nullable(),
  declaredHours: z.number().nullable(),
  declaredReason: z.string().nullable(),
  override: z.object({ reason: z.string(), operator: z.string(), at: isoInstantSchema }).nullable(),
  /** Arrival and departure as the city export computes them (corrections win over the desk's events). */
  arrival: isoInstantSchema.nullable(),
  departure: isoInstantSchema.nullable(),
  /** Hours as the city export counts them, in hundredths of an hour (950 = 9.5 h); null when none count. */
  hoursHundredths: z.number().int().nullable(),
  /** The same hours as a decimal text with a point, e.g. "9.5". */
  hours: z.string().nullable(),
  deleted: z.boolean(),
  createdAt: isoInstantSchema,
});

const checkinEntrySchema = z.object({
  id: uuidSchema,
  signUpId: uuidSchema,
  shiftId: uuidSchema,
  kind: z.enum(CHECKIN_KINDS),
  at: isoInstantSchema,
  operator: z.string(),
  deskId: z.string(),
  /** An undone check-in stays stored as a deleted event. */
  deleted: z.boolean(),
});

const aliasEntrySchema = z.object({
  id: uuidSchema,
  /** The other id (and reference) under which the same person was registered, merged into this one. */
  fromVolunteerId: uuidSchema,
  fromRef: z.string(),
  toVolunteerId: uuidSchema,
  createdAt: isoInstantSchema,
  deleted: z.boolean(),
});

const exportEntrySchema = z.object({
  id: uuidSchema,
  at: isoInstantSchema,
  kind: z.string(),
  profile: z.string().nullable(),
  mode: z.enum(['pseudonymous', 'named']).nullable(),
  reason: z.string().nullable(),
  periodFrom: isoDateSchema.nullable(),
  periodTo: isoDateSchema.nullable(),
  fileName: z.string(),
  deskId: z.string(),
  operator: z.string(),
});

const auditEntryOutSchema = z.object({
  id: uuidSchema,
  at: isoInstantSchema,
  action: z.string(),
  deskId: z.string(),
  operator: z.string(),
});

export const accessRequestSchema = z.object({
  format: z.literal(ACCESS_REQUEST_FORMAT),
  version: z.literal(ACCESS_REQUEST_VERSION),
  generatedAt: isoInstantSchema,
  /** The installation that produced the document. */
  deskId: z.string(),
  /** Who holds the data (the controller), from the desk's settings. */
  controller: z.object({
    name: z.string(),
    rna: z.string().nullable(),
    siret: z.string().nullable(),
    contactEmail: z.string().nullable(),
    contactPhone: z.string().nullable(),
  }),
  volunteer: profileSchema,
  aliases: z.array(aliasEntrySchema),
  consents: z.array(consentEntrySchema),
  signUps: z.array(signUpEntrySchema),
  /** Sum of `signUps[].hoursHundredths` of live sign-ups. */
  totalHoursHundredths: z.number().int(),
  checkinEvents: z.array(checkinEntrySchema),
  /** Earlier exports whose files carried this person's data (from the export log). */
  exports: z.array(exportEntrySchema),
  /** Actions recorded in the audit log about this person (what, when, on which desk, by whom). */
  auditEntries: z.array(auditEntryOutSchema),
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;
export type AccessRequestSignUp = z.infer<typeof signUpEntrySchema>;
export type AccessRequestConsent = z.infer<typeof consentEntrySchema>;

/** What the builder reads: candidate records (it keeps only the person's own, whatever it is given). */
export interface AccessRequestSources {
  readonly volunteer: Volunteer;
  readonly aliases: readonly Alias[];
  readonly consents: readonly Consent[];
  readonly signUps: readonly SignUp[];
  readonly shifts: readonly Shift[];
  readonly missions: readonly Mission[];
  readonly checkinEvents: readonly CheckinEvent[];
  readonly exportLog: readonly ExportLogEntry[];
  readonly auditLog: readonly AuditEntry[];
  readonly settings: Pick<
    Settings,
    'associationName' | 'rna' | 'siret' | 'contactEmail' | 'contactPhone' | 'cancellationCutoffHours'
  >;
}

/** The ids the person is known under: their own and those of records merged into it (aliases). */
export function personIds(volunteerId: string, aliases: readonly Alias[]): Set<string> {
  const ids = new Set([volunteerId]);
  for (const alias of aliases) if (alias.toVolunteerId === volunteerId) ids.add(alias.fromVolunteerId);
  return ids;
}

/**
 * Builds the document from records. Every collection is filtered here by the person's ids, so that a caller giving
 * too much (a whole table) still gets nothing of anyone else: the selection is the builder's job, not the query's.
 */
export function buildAccessRequest(
  sources: AccessRequestSources,
  options: { generatedAt: string; deskId: string },
): AccessRequest {
  const { volunteer } = sources;
  const aliases = sources.aliases.filter(
    (alias) => alias.toVolunteerId === volunteer.id || alias.fromVolunteerId === volunteer.id,
  );
  const ids = personIds(volunteer.id, aliases);
  const mine = <T extends { volunteerId: string }>(records: readonly T[]) =>
    records.filter((record) => ids.has(record.volunteerId));

  const consents = mine(sources.consents);
  const currentIds = currentConsentIds(consents);
  const signUps = mine(sources.signUps);
  const signUpIds = new Set(signUps.map((signUp) => signUp.id));
  const events = sources.checkinEvents.filter((event) => ids.has(event.volunteerId) && signUpIds.has(event.signUpId));
  const shifts = new Map(sources.shifts.map((shift) => [shift.id, shift]));
  const missions = new Map(sources.missions.map((mission) => [mission.id, mission]));

  const signUpEntries = signUps
    .map((signUp) => signUpEntry(signUp, shifts.get(signUp.shiftId), missions, events, sources.settings))
    .sort(
      (a, b) => (a.shiftStart ?? a.createdAt).localeCompare(b.shiftStart ?? b.createdAt) || a.id.localeCompare(b.id),
    );

  const { clocks: _clocks, ...profile } = volunteer;
  const document: AccessRequest = {
    format: ACCESS_REQUEST_FORMAT,
    version: ACCESS_REQUEST_VERSION,
    generatedAt: options.generatedAt,
    deskId: options.deskId,
    controller: {
      name: sources.settings.associationName,
      rna: sources.settings.rna,
      siret: sources.settings.siret,
      contactEmail: sources.settings.contactEmail,
      contactPhone: sources.settings.contactPhone,
    },
    volunteer: profile,
    aliases: aliases
      .map(({ id, fromVolunteerId, fromRef, toVolunteerId, createdAt, deleted }) => ({
        id,
        fromVolunteerId,
        fromRef,
        toVolunteerId,
        createdAt,
        deleted,
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
    consents: consents
      .map((consent) => ({
        id: consent.id,
        purpose: consent.purpose,
        given: consent.given,
        date: consent.date,
        noticeVersion: consent.noticeVersion,
        channel: consent.channel,
        recordedAt: consent.createdAt,
        deleted: consent.deleted,
        current: currentIds.has(consent.id),
      }))
      .sort(
        (a, b) =>
          a.purpose.localeCompare(b.purpose) ||
          a.recordedAt.localeCompare(b.recordedAt) ||
          a.date.localeCompare(b.date) ||
          a.id.localeCompare(b.id),
      ),
    signUps: signUpEntries,
    totalHoursHundredths: sumHundredths(
      signUpEntries.flatMap((entry) =>
        entry.deleted || entry.hoursHundredths === null ? [] : [entry.hoursHundredths],
      ),
    ),
    checkinEvents: events
      .map(({ id, signUpId, shiftId, kind, at, operator, deskId, deleted }) => ({
        id,
        signUpId,
        shiftId,
        kind,
        at,
        operator,
        deskId,
        deleted,
      }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
    exports: sources.exportLog
      .filter((entry) => entry.volunteerIds.some((id) => ids.has(id)))
      .map(({ id, at, kind, profile, mode, reason, periodFrom, periodTo, fileName, deskId, operator }) => ({
        id,
        at,
        kind,
        profile,
        mode,
        reason,
        periodFrom,
        periodTo,
        fileName,
        deskId,
        operator,
      }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
    auditEntries: sources.auditLog
      .filter((entry) => entry.subjectId !== null && ids.has(entry.subjectId))
      .map(({ id, at, action, deskId, operator }) => ({ id, at, action, deskId, operator }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id)),
  };
  return accessRequestSchema.parse(document);
}

/** The document as the bytes of a UTF-8 JSON file, indented for a person to read. */
export function accessRequestJson(document: AccessRequest): string {
  return `${JSON.stringify(accessRequestSchema.parse(document), null, 2)}\n`;
}

/** Reads a document back (a test, or a later version of the app): a clear error when it is not one. */
export function parseAccessRequest(text: string): AccessRequest {
  return accessRequestSchema.parse(JSON.parse(text));
}

/** The hours of one entry as the export writes them, but with a decimal point (JSON readers expect one). */
export function hoursText(hundredths: number | null): string | null {
  return hundredths === null ? null : formatHundredths(hundredths, '.');
}

function signUpEntry(
  signUp: SignUp,
  shift: Shift | undefined,
  missions: ReadonlyMap<string, Mission>,
  events: readonly CheckinEvent[],
  settings: Pick<Settings, 'cancellationCutoffHours'>,
): AccessRequestSignUp {
  const mission = shift ? missions.get(shift.missionId) : undefined;
  // Hours by the export's own rule (shared/domain/attendance.ts over hours.ts), so the person sees what the city got.
  const attendance = shift && !signUp.deleted ? exportAttendance(signUp, events, shift, settings) : null;
  const hundredths = attendance?.duree_effective_h ?? null;
  return {
    id: signUp.id,
    missionId: mission?.id ?? shift?.missionId ?? null,
    missionTitle: mission?.title ?? null,
    placeName: mission ? mission.placeName : null,
    shiftId: signUp.shiftId,
    shiftStart: shift?.start ?? null,
    shiftEnd: shift?.end ?? null,
    role: signUp.role,
    status: signUp.status,
    toConfirm: signUp.toConfirm,
    waitingSince: signUp.waitingSince,
    cancelledAt: signUp.cancelledAt,
    cancellationReason: signUp.cancellationReason,
    attendance: signUp.attendance,
    attendanceSource: signUp.attendanceSource,
    correctedArrival: signUp.correctedArrival,
    correctedDeparture: signUp.correctedDeparture,
    declaredHours: signUp.declaredHours,
    declaredReason: signUp.declaredReason,
    override: signUp.override,
    arrival: attendance?.pointage_arrivee ?? null,
    departure: attendance?.pointage_depart ?? null,
    hoursHundredths: hundredths,
    hours: hoursText(hundredths),
    deleted: signUp.deleted,
    createdAt: signUp.createdAt,
  };
}

/** The latest live answer per purpose, as the consents repository decides it. */
function currentConsentIds(consents: readonly Consent[]): Set<string> {
  const current = new Map<string, Consent>();
  for (const consent of consents) {
    if (consent.deleted) continue;
    const previous = current.get(consent.purpose);
    if (!previous || lastChange(consent) > lastChange(previous)) current.set(consent.purpose, consent);
  }
  return new Set([...current.values()].map((consent) => consent.id));
}
