import { IMPACT_FIGURE_BY_CATEGORY, IMPACT_FIGURES, type ImpactFigure } from '../domain/categories';
import {
  AUDIENCES,
  CANCELLATION_REASONS,
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  type Alias,
  type AuditEntry,
  type CheckinEvent,
  type Consent,
  type Erasure,
  type ExportLogEntry,
  type Mission,
  type ReviewItem,
  type Shift,
  type SignUp,
  type Volunteer,
} from '../domain/model';
import { arrondissementFromPostcode, PARIS_POSTCODES } from '../domain/paris';
import { SHARED_TABLE_NAMES, type SharedRecord, type SharedTableName } from '../domain/tables';
import { generateVolunteerRef } from '../domain/volunteer-ref';
import { createHlcClock, encodeHlc, type HlcClock } from '../records/hlc';
import { createRecord, deleteRecord } from '../records/record';
import { copyRecords } from '../storage/pipeline';
import type { ProgressListener, RecordSink, RecordSource } from '../storage/ports';
import {
  ATTENDANCE_MODES,
  Attendance,
  CHECKIN_EVENTS,
  parisDate,
  planSeed,
  SignUpState,
  VolunteerKind,
  type CheckinPattern,
  type SeedOptions,
  type SeedPlan,
} from './plan';
import { createRandom, type Random } from './random';
import * as words from './vocabulary';

/**
 * The synthetic dataset of the whole product (issue #4): a `RecordSource` whose tables are generated on demand, in
 * id order, from the seed and `now` alone — the same options give the same records, field for field. Nothing but
 * the plan's typed arrays and id lists is held, so 500,000 sign-ups stream through without ever sitting in memory.
 * The command line writes it to a snapshot; the renderer's "Load demo data" pours it into the store with `seedInto`.
 */
export interface SeedDataset extends RecordSource {
  /** The desk the seeded data comes from (a snapshot's `deskId`). */
  readonly deskId: string;
  /** `now`, as given. */
  readonly createdAt: string;
  readonly counts: Readonly<Record<SharedTableName, number>>;
}

export type { SeedOptions } from './plan';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export function generateSeed(options: SeedOptions): SeedDataset {
  const plan = planSeed(options);
  const counts = Object.fromEntries(SHARED_TABLE_NAMES.map((table) => [table, plan.ids[table].length])) as Record<
    SharedTableName,
    number
  >;
  // Each table draws its clocks from its own stretch of one clock sequence (two ticks per record: creation and a
  // possible deletion), so clocks are unique across the dataset and a table can be regenerated on its own.
  const clockStart = {} as Record<SharedTableName, number>;
  let ticks = 0;
  for (const table of SHARED_TABLE_NAMES) {
    clockStart[table] = ticks;
    ticks += 2 * counts[table];
  }
  const clockFor = (table: SharedTableName): HlcClock => {
    const offset = clockStart[table];
    const start = encodeHlc({
      wallMs: plan.nowMs + Math.floor(offset / 1e6),
      counter: offset % 1e6,
      deskId: plan.deskId,
    });
    return createHlcClock(plan.deskId, () => plan.nowMs, start);
  };
  const generators: { [T in SharedTableName]: () => Iterable<SharedRecord<T>> } = {
    volunteers: () => volunteers(plan, clockFor('volunteers')),
    consents: () => consents(plan, clockFor('consents')),
    missions: () => missions(plan, clockFor('missions')),
    shifts: () => shifts(plan, clockFor('shifts')),
    signUps: () => signUps(plan, clockFor('signUps')),
    checkinEvents: () => checkinEvents(plan, clockFor('checkinEvents')),
    aliases: () => aliases(plan, clockFor('aliases')),
    reviewItems: () => reviewItems(plan, clockFor('reviewItems')),
    auditLog: () => auditLog(plan),
    exportLog: () => exportLog(plan),
    erasures: () => erasures(plan),
  };
  return {
    deskId: plan.deskId,
    createdAt: options.now,
    counts,
    async count(table) {
      return counts[table];
    },
    async *records<T extends SharedTableName>(table: T): AsyncIterable<SharedRecord<T>> {
      yield* (generators[table] as () => Iterable<SharedRecord<T>>)();
    },
  };
}

/** Generate a seed straight into a sink (the renderer's "Load demo data"): no file, batches of `batchSize`. */
export async function seedInto(
  sink: RecordSink,
  options: SeedOptions,
  progress: { batchSize?: number; onProgress?: ProgressListener } = {},
): Promise<SeedDataset> {
  const dataset = generateSeed(options);
  await copyRecords(dataset, sink, progress);
  return dataset;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const recordOptions = (id: string, clock: HlcClock, createdAtMs: number) => ({
  id,
  clock: clock.next(),
  createdAt: iso(createdAtMs),
});

function phone(random: Random): string {
  return `+33${random.pick(['6', '7'])}${String(random.int(100_000_000)).padStart(8, '0')}`;
}

/** A ref never given twice in one dataset (the store's index on `ref` is unique). */
function uniqueRef(random: Random, used: Set<string>): string {
  for (;;) {
    const ref = generateVolunteerRef(random.int);
    if (!used.has(ref)) {
      used.add(ref);
      return ref;
    }
  }
}

function* volunteers(plan: SeedPlan, clock: HlcClock): Generator<Volunteer> {
  const random = createRandom(plan.options.seed, 'volunteers');
  const refs = new Set<string>();
  const [nowYear, nowMonth, nowDay] = parisDate(plan.nowMs);
  for (let v = 0; v < plan.ids.volunteers.length; v++) {
    const firstName = random.pick(words.FIRST_NAMES);
    const lastName = random.pick(words.LAST_NAMES);
    const kind = plan.volunteerKind[v] as VolunteerKind;
    const joined = plan.volunteerJoined[v] as number;
    const minor = kind !== VolunteerKind.Adult;
    const age =
      kind === VolunteerKind.Adult
        ? random.between(18, 80)
        : kind === VolunteerKind.UnderFifteenAuthorised
          ? random.between(12, 14)
          : random.between(15, 17);
    // Born `age` years before today, on a day of the year before today's, so the age is exact at `now`.
    const birthMs = Date.UTC(nowYear - age - 1, nowMonth - 1, nowDay) + (1 + random.int(364)) * DAY_MS;
    const withBand = random.chance(0.2);
    const band =
      age < 15 ? 'under_15' : age < 18 ? '15_17' : age <= 25 ? '18_25' : age <= 64 ? '26_64' : ('65_plus' as const);
    const roll = random.float();
    const postcode =
      roll < 0.85 ? random.pick(PARIS_POSTCODES) : roll < 0.95 ? random.pick(words.OUTSIDE_PARIS).postcode : null;
    const hasEmail = random.chance(0.92);
    const skills = random.chance(0.4) ? [random.pick(words.SKILLS)] : [];
    if (skills.length > 0 && random.chance(0.3)) {
      const more = random.pick(words.SKILLS);
      if (!skills.includes(more)) skills.push(more);
    }
    const languages = ['fr'];
    if (random.chance(0.35)) languages.push(random.pick(words.LANGUAGE_CODES.slice(1)));
    const status = random.float();
    const parental = minor
      ? kind === VolunteerKind.MinorWithoutAuthorisation
        ? ('missing' as const)
        : ('received' as const)
      : null;
    yield createRecord<Volunteer>(
      {
        ref: uniqueRef(random, refs),
        firstName,
        lastName,
        email: hasEmail
          ? `${words.asciiFold(firstName)}.${words.asciiFold(lastName)}${random.int(100)}@${random.pick(words.EMAIL_DOMAINS)}`
          : null,
        phone: random.chance(0.9) ? phone(random) : null,
        postcode,
        arrondissementInsee: postcode ? (arrondissementFromPostcode(postcode)?.insee ?? null) : null,
        birthDate: withBand ? null : isoDay(birthMs),
        ageBand: withBand ? { band, givenOn: isoDay(joined) } : null,
        parentalAuthorisation: parental,
        guardianName: minor ? `${random.pick(words.FIRST_NAMES)} ${lastName}` : null,
        guardianPhone: minor ? phone(random) : null,
        skills,
        languages,
        availability: random.pick(words.AVAILABILITY),
        notes: random.pick(words.NOTES),
        status: status < 0.85 ? 'active' : status < 0.95 ? 'inactive' : 'archived',
      },
      recordOptions(plan.ids.volunteers[v] as string, clock, joined),
    );
  }
}

function* consents(plan: SeedPlan, clock: HlcClock): Generator<Consent> {
  const random = createRandom(plan.options.seed, 'consents');
  let next = 0;
  for (let v = 0; v < plan.ids.volunteers.length; v++) {
    const bits = plan.consentBits[v] as number;
    const joined = plan.volunteerJoined[v] as number;
    for (let purpose = 0; purpose < CONSENT_PURPOSES.length; purpose++) {
      if (!(bits & (1 << (2 * purpose)))) continue;
      const at = joined + random.int(3) * DAY_MS;
      yield createRecord<Consent>(
        {
          volunteerId: plan.ids.volunteers[v] as string,
          purpose: CONSENT_PURPOSES[purpose] as Consent['purpose'],
          given: (bits & (1 << (2 * purpose + 1))) !== 0,
          date: isoDay(Math.min(at, plan.nowMs)),
          noticeVersion: random.pick(['2024-01', '2025-03', '2026-01']),
          channel: random.pick(CONSENT_CHANNELS),
        },
        recordOptions(plan.ids.consents[next++] as string, clock, Math.min(at, plan.nowMs)),
      );
    }
  }
}

function impactValue(random: Random, figure: ImpactFigure): number {
  switch (figure) {
    case 'kgWaste':
      return random.between(5, 300);
    case 'm2Greened':
      return random.between(10, 500);
    case 'objectsRepaired':
      return random.between(5, 60);
    case 'peopleContacted':
      return random.between(10, 200);
    case 'peopleReached':
      return random.between(20, 400);
  }
}

function ordinal(arrondissement: number): string {
  return arrondissement === 1 ? '1er' : `${arrondissement}e`;
}

function* missions(plan: SeedPlan, clock: HlcClock): Generator<Mission> {
  const random = createRandom(plan.options.seed, 'missions');
  for (let m = 0; m < plan.ids.missions.length; m++) {
    const category = plan.missionCategory[m] as Mission['category'];
    const first = plan.missionFirstShift[m] as number;
    const count = plan.missionShiftCount[m] as number;
    let lastEnd = 0;
    let firstStart = Infinity;
    for (let s = first; s < first + count; s++) {
      lastEnd = Math.max(lastEnd, plan.shiftEnd[s] as number);
      firstStart = Math.min(firstStart, plan.shiftStart[s] as number);
    }
    const cancelled = plan.missionCancelled[m] === 1;
    const done = !cancelled && lastEnd <= plan.nowMs;
    const status: Mission['status'] = cancelled
      ? 'cancelled'
      : done
        ? 'done'
        : random.chance(0.02)
          ? 'postponed'
          : 'planned';
    const online = (category === 'FORMATION' || category === 'CONCERTATION') && random.chance(0.3);
    const atPrivateHomes = category === 'ENERGIE_LOGEMENT' || (category === 'CANICULE' && random.chance(0.5));
    const outside = !online && random.chance(0.05) ? random.pick(words.OUTSIDE_PARIS) : null;
    const postcode = online ? null : outside ? outside.postcode : random.pick(PARIS_POSTCODES);
    const arrondissement = postcode ? arrondissementFromPostcode(postcode) : null;
    const figure = IMPACT_FIGURE_BY_CATEGORY[category];
    const impact = Object.fromEntries(
      IMPACT_FIGURES.map((name) => [name, done && name === figure ? impactValue(random, name) : null]),
    ) as Mission['impact'];
    const minimumAge = plan.missionMinimumAge[m] as number;
    const place = random.pick(words.PLACES);
    yield createRecord<Mission>(
      {
        title: `${random.pick(words.MISSION_TITLES[category])}${arrondissement ? ` — Paris ${ordinal(arrondissement.number)}` : ''}`,
        description: `${random.pick(words.MISSION_TITLES[category])}. Accueil par l'équipe, consignes de sécurité, puis action.`,
        category,
        partner: arrondissement
          ? random.chance(0.5)
            ? `Mairie du ${ordinal(arrondissement.number)} arrondissement`
            : random.pick(words.PARTNERS)
          : random.pick(words.PARTNERS),
        placeName: online ? 'En ligne' : atPrivateHomes ? 'Au domicile des personnes' : place,
        address: online || atPrivateHomes ? '' : `${random.between(1, 180)} ${random.pick(words.STREETS)}`,
        atPrivateHomes,
        postcode,
        arrondissementInsee: outside ? outside.insee : (arrondissement?.insee ?? null),
        online,
        audience: random.pick(AUDIENCES),
        minimumAge: minimumAge < 0 ? null : minimumAge,
        minorsNeedAuthorisation: plan.missionNeedsAuthorisation[m] === 1,
        stepFreeAccess: online ? null : random.chance(0.8) ? random.chance(0.7) : null,
        referentName: `${random.pick(words.FIRST_NAMES)} ${random.pick(words.LAST_NAMES)}`,
        referentPhone: random.chance(0.8) ? phone(random) : null,
        whatToBring: random.pick(words.WHAT_TO_BRING),
        status,
        cancellationReason: cancelled
          ? category === 'CANICULE' || random.chance(0.3)
            ? 'heatwave_alert'
            : random.pick(CANCELLATION_REASONS)
          : null,
        impact,
      },
      recordOptions(
        plan.ids.missions[m] as string,
        clock,
        Math.min(plan.nowMs, firstStart - random.between(7, 60) * DAY_MS),
      ),
    );
  }
}

function* shifts(plan: SeedPlan, clock: HlcClock): Generator<Shift> {
  const random = createRandom(plan.options.seed, 'shifts');
  for (let s = 0; s < plan.ids.shifts.length; s++) {
    const capacity = plan.shiftCapacity[s] as number;
    const start = plan.shiftStart[s] as number;
    const series = plan.shiftSeries[s] as number;
    const category = plan.missionCategory[plan.shiftMission[s] as number];
    const needsFacilitators = category === 'FRESQUE' && capacity >= 8;
    const facilitators = needsFacilitators ? Math.max(1, Math.floor(capacity / 8)) : 0;
    yield createRecord<Shift>(
      {
        missionId: plan.ids.missions[plan.shiftMission[s] as number] as string,
        start: iso(start),
        end: iso(plan.shiftEnd[s] as number),
        capacity,
        roleNeeds: needsFacilitators
          ? [
              { role: 'facilitator', count: facilitators },
              { role: 'volunteer', count: capacity - facilitators },
            ]
          : [],
        requiredSkill: needsFacilitators
          ? 'Animation Fresque du Climat'
          : random.chance(0.05)
            ? 'Premiers secours (PSC1)'
            : null,
        seriesId: series >= 0 ? (plan.seriesIds[series] as string) : null,
      },
      recordOptions(plan.ids.shifts[s] as string, clock, Math.min(plan.nowMs, start - random.between(7, 45) * DAY_MS)),
    );
  }
}

const CUTOFF_HOURS = 24;

function* signUps(plan: SeedPlan, clock: HlcClock): Generator<SignUp> {
  const random = createRandom(plan.options.seed, 'signUps');
  for (let u = 0; u < plan.ids.signUps.length; u++) {
    const s = plan.signUpShift[u] as number;
    const start = plan.shiftStart[s] as number;
    const end = plan.shiftEnd[s] as number;
    const state = plan.signUpState[u] as SignUpState;
    const attendance = plan.signUpAttendance[u] as Attendance;
    const mode = plan.shiftMode[s] as number;
    const createdAt = Math.min(plan.nowMs, start - random.between(1, 30) * DAY_MS - random.int(24) * HOUR_MS);
    const cancelledAt =
      state === SignUpState.Cancelled ? Math.min(plan.nowMs, start - random.between(2, 240) * HOUR_MS) : null;
    const corrected = attendance === Attendance.Present && ATTENDANCE_MODES[mode] === 'manual' && random.chance(0.2);
    const declared = attendance === Attendance.Present && random.chance(0.03);
    const override = plan.signUpOverride[u] === 1;
    yield createRecord<SignUp>(
      {
        shiftId: plan.ids.shifts[s] as string,
        volunteerId: plan.ids.volunteers[plan.signUpVolunteer[u] as number] as string,
        role:
          plan.missionCategory[plan.shiftMission[s] as number] === 'FRESQUE' && random.chance(0.12)
            ? 'facilitator'
            : 'volunteer',
        status: state === SignUpState.Waiting ? 'waiting' : state === SignUpState.Cancelled ? 'cancelled' : 'signed_up',
        toConfirm: state === SignUpState.Promoted,
        waitingSince: state === SignUpState.Waiting || state === SignUpState.Promoted ? iso(createdAt) : null,
        cancelledAt: cancelledAt === null ? null : iso(Math.max(createdAt, cancelledAt)),
        cancellationReason: cancelledAt === null ? null : random.pick(words.CANCELLATION_TEXTS),
        cancellationCutoffHours: cancelledAt === null ? null : CUTOFF_HOURS,
        attendance: (['unmarked', 'present', 'absent', 'excused'] as const)[attendance],
        attendanceSource: attendance === Attendance.Unmarked ? null : (ATTENDANCE_MODES[mode] ?? null),
        correctedArrival: corrected ? iso(start + random.between(-10, 40) * MINUTE_MS) : null,
        correctedDeparture: corrected ? iso(end + random.between(-45, 15) * MINUTE_MS) : null,
        declaredHours: declared ? random.between(1, 8) : null,
        declaredReason: declared ? 'Heures déclarées par la référente (feuille papier)' : null,
        override: override
          ? {
              reason: 'Autorisation parentale apportée sur place',
              operator: random.pick(words.OPERATORS),
              at: iso(createdAt),
            }
          : null,
      },
      recordOptions(plan.ids.signUps[u] as string, clock, createdAt),
    );
  }
}

function* checkinEvents(plan: SeedPlan, clock: HlcClock): Generator<CheckinEvent> {
  const random = createRandom(plan.options.seed, 'checkinEvents');
  let next = 0;
  for (let u = 0; u < plan.ids.signUps.length; u++) {
    const pattern = plan.signUpCheckins[u] as CheckinPattern;
    const kinds = CHECKIN_EVENTS[pattern];
    if (kinds.length === 0) continue;
    const s = plan.signUpShift[u] as number;
    const start = plan.shiftStart[s] as number;
    const end = plan.shiftEnd[s] as number;
    const deskId = random.chance(0.85) ? plan.deskId : random.pick(plan.otherDeskIds);
    const operator = random.pick(words.OPERATORS);
    const arrival = start + random.between(-20, 30) * MINUTE_MS;
    for (const kind of kinds) {
      const at = Math.min(
        plan.nowMs,
        kind === 'undone'
          ? arrival - random.between(1, 5) * MINUTE_MS
          : kind === 'check_in'
            ? arrival
            : kind === 'check_out'
              ? end + random.between(-40, 20) * MINUTE_MS
              : end + 2 * HOUR_MS,
      );
      const event = createRecord<CheckinEvent>(
        {
          signUpId: plan.ids.signUps[u] as string,
          shiftId: plan.ids.shifts[s] as string,
          volunteerId: plan.ids.volunteers[plan.signUpVolunteer[u] as number] as string,
          kind: kind === 'undone' ? 'check_in' : kind,
          at: iso(at),
          operator,
          deskId,
        },
        recordOptions(plan.ids.checkinEvents[next++] as string, clock, at),
      );
      // An undo deletes the event (architecture.md, rule 7): the wrong person was checked in, then corrected.
      yield kind === 'undone' ? deleteRecord(event, clock.next()) : event;
    }
  }
}

function* aliases(plan: SeedPlan, clock: HlcClock): Generator<Alias> {
  const random = createRandom(plan.options.seed, 'aliases');
  const refs = new Set<string>();
  for (const id of plan.ids.aliases) {
    yield createRecord<Alias>(
      {
        fromVolunteerId: random.uuid(),
        toVolunteerId: random.pick(plan.ids.volunteers),
        fromRef: uniqueRef(random, refs),
      },
      recordOptions(id, clock, plan.nowMs - random.between(1, 300) * DAY_MS),
    );
  }
}

function* reviewItems(plan: SeedPlan, clock: HlcClock): Generator<ReviewItem> {
  const random = createRandom(plan.options.seed, 'reviewItems');
  for (const id of plan.ids.reviewItems) {
    const duplicate = random.chance(0.6) || plan.ids.shifts.length === 0;
    yield createRecord<ReviewItem>(
      duplicate
        ? {
            kind: 'possible_duplicate',
            recordIds: [random.pick(plan.ids.volunteers), random.pick(plan.ids.volunteers)],
            summary: 'Même nom et même date de naissance sur deux fiches.',
            state: random.chance(0.5) ? 'open' : 'resolved',
          }
        : {
            kind: 'overbooked_shift',
            recordIds: [random.pick(plan.ids.shifts)],
            summary: 'Deux postes ont donné la dernière place du créneau.',
            state: random.chance(0.5) ? 'open' : 'resolved',
          },
      recordOptions(id, clock, plan.nowMs - random.between(1, 60) * DAY_MS),
    );
  }
}

const AUDIT_ACTIONS = ['export.city', 'signup.override', 'volunteer.erase', 'backup.create', 'desk.open'] as const;

function* auditLog(plan: SeedPlan): Generator<AuditEntry> {
  const random = createRandom(plan.options.seed, 'auditLog');
  for (const id of plan.ids.auditLog) {
    const action = random.pick(AUDIT_ACTIONS);
    yield {
      id,
      at: iso(plan.nowMs - random.int(330) * DAY_MS - random.int(DAY_MS)),
      deskId: random.chance(0.8) ? plan.deskId : random.pick(plan.otherDeskIds),
      operator: random.pick(words.OPERATORS),
      action,
      subjectId:
        action === 'volunteer.erase' && plan.ids.erasures.length > 0
          ? random.pick(plan.ids.erasures)
          : action === 'signup.override' && plan.ids.signUps.length > 0
            ? random.pick(plan.ids.signUps)
            : null,
      details: action === 'export.city' ? { profile: 'excel-fr', rows: random.between(10, 5_000) } : {},
    };
  }
}

function* exportLog(plan: SeedPlan): Generator<ExportLogEntry> {
  const random = createRandom(plan.options.seed, 'exportLog');
  for (const id of plan.ids.exportLog) {
    const named = random.chance(0.2) && plan.ids.volunteers.length > 0;
    const at = plan.nowMs - random.int(300) * DAY_MS;
    const [year, month] = parisDate(at);
    const from = `${year}-${String(month).padStart(2, '0')}-01`;
    const volunteerIds = named
      ? [...new Set(Array.from({ length: random.between(3, 20) }, () => random.pick(plan.ids.volunteers)))].sort()
      : [];
    yield {
      id,
      at: iso(at),
      deskId: plan.deskId,
      operator: random.pick(words.OPERATORS),
      kind: 'city_export',
      profile: random.pick(['excel-fr', 'open-data']),
      mode: named ? 'named' : 'pseudonymous',
      reason: named ? 'Liste nominative demandée par la mairie pour l’assurance' : null,
      periodFrom: from,
      periodTo: isoDay(at),
      fileName: `export-ville-${isoDay(at)}.zip`,
      volunteerIds,
    };
  }
}

function* erasures(plan: SeedPlan): Generator<Erasure> {
  const random = createRandom(plan.options.seed, 'erasures');
  const refs = new Set<string>();
  for (const volunteerId of plan.ids.erasures) {
    yield {
      volunteerId,
      erasedAt: iso(plan.nowMs - random.int(400) * DAY_MS),
      replacementRef: uniqueRef(random, refs),
    };
  }
}
