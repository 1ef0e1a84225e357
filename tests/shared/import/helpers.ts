import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHlcClock } from '../../../shared/records/hlc';
import type { PlanContext } from '../../../shared/import';

/** The reference date of the fixtures README: ages and consents are computed at it. */
export const TODAY = '2026-11-28';
export const NOW = '2026-11-28T09:00:00.000Z';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(process.cwd(), 'tests/fixtures', name)));
}

/** A deterministic plan context: ids `id-0001`…, a fixed clock, references from a counter. */
export function planContext(fields: Partial<PlanContext> = {}): PlanContext {
  let id = 0;
  return {
    clock: createHlcClock('desk-test', () => Date.parse(NOW)),
    newId: () => `id-${String(++id).padStart(4, '0')}`,
    now: NOW,
    ...fields,
  };
}

export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
