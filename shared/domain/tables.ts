import type { z } from 'zod';
import {
  aliasSchema,
  auditEntrySchema,
  checkinEventSchema,
  consentSchema,
  erasureSchema,
  exportLogEntrySchema,
  missionSchema,
  reviewItemSchema,
  shiftSchema,
  signUpSchema,
  volunteerSchema,
} from './model';

/**
 * Every table that travels (snapshots, merges, sync), with how it merges (architecture.md, rule 7):
 * - `record`: per field by hybrid logical clock, deletion as a clocked field;
 * - `union`: append-only logs, merged by union of ids;
 * - `grow-only`: the erasure register, merged by union and always applied.
 * Desk-local tables (settings, desk identity, sync state, UI preferences) are not listed: they never travel.
 */
export const SHARED_TABLES = {
  volunteers: { merge: 'record', key: 'id', schema: volunteerSchema },
  consents: { merge: 'record', key: 'id', schema: consentSchema },
  missions: { merge: 'record', key: 'id', schema: missionSchema },
  shifts: { merge: 'record', key: 'id', schema: shiftSchema },
  signUps: { merge: 'record', key: 'id', schema: signUpSchema },
  checkinEvents: { merge: 'record', key: 'id', schema: checkinEventSchema },
  aliases: { merge: 'record', key: 'id', schema: aliasSchema },
  reviewItems: { merge: 'record', key: 'id', schema: reviewItemSchema },
  auditLog: { merge: 'union', key: 'id', schema: auditEntrySchema },
  exportLog: { merge: 'union', key: 'id', schema: exportLogEntrySchema },
  erasures: { merge: 'grow-only', key: 'volunteerId', schema: erasureSchema },
} as const satisfies Record<string, { merge: 'record' | 'union' | 'grow-only'; key: string; schema: z.ZodType }>;

export type SharedTableName = keyof typeof SHARED_TABLES;
export const SHARED_TABLE_NAMES = Object.keys(SHARED_TABLES) as SharedTableName[];
export type SharedRecord<T extends SharedTableName> = z.infer<(typeof SHARED_TABLES)[T]['schema']>;
