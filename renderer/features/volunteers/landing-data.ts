import Dexie from 'dexie';
import { useEffect, useState } from 'react';
import type { StoredVolunteer } from '../../db/database';
import type { VolunteersRepository } from '../../db/repositories/volunteers-repository';

/** The list shows at most this many people; the rest are reached by searching or filtering. */
export const LIST_LIMIT = 500;

/** What the volunteers list shows with no query and no filter: its first page, the count and the skills. */
export interface LandingData {
  readonly firstPage: StoredVolunteer[];
  readonly count: number;
  readonly skills: string[];
}

/**
 * The landing screen's first reads, started by bootstrap beside the settings and the language (issue #12, cold start):
 * the same three reads the screen's live queries make, so that its first render already has the first rows instead
 * of rendering once empty and again when the queries answer. Best effort: if a read fails, the screen starts without
 * them and its live queries report the problem as they always did.
 */
export async function readLandingData(volunteers: VolunteersRepository): Promise<LandingData | undefined> {
  try {
    const [firstPage, count, skills] = await Promise.all([
      volunteers.search('', LIST_LIMIT, {}),
      volunteers.count(),
      volunteers.skills(),
    ]);
    return { firstPage, count, skills };
  } catch {
    return undefined;
  }
}

/*
 * The data waits here between bootstrap and the screen's first mount, then is dropped: a later visit to the list
 * starts from its live queries as every other screen does. Kept per repository so that an app started on another
 * database (tests start several) never sees this one's people.
 */
let held: { readonly source: VolunteersRepository; readonly data: LandingData } | null = null;

/**
 * Any write, in this tab or another, makes the held data stale: it is dropped at once (Dexie's global
 * `storagemutated` event fires on every committed change). Until then it is exactly what a live query would read.
 */
function dropOnWrite(): void {
  dropLandingData();
}

export function holdLandingData(source: VolunteersRepository, data: LandingData): void {
  dropLandingData();
  held = { source, data };
  Dexie.on.storagemutated.subscribe(dropOnWrite);
}

export function dropLandingData(): void {
  if (!held) return;
  held = null;
  Dexie.on.storagemutated.unsubscribe(dropOnWrite);
}

/**
 * The held data for this repository, once: read at the screen's first render (never after a write, see
 * `dropOnWrite`) and dropped once the screen has mounted. Not dropped during render: a render that React throws away
 * (StrictMode's double call, a suspended render retried) must find it again.
 */
export function useLandingData(source: VolunteersRepository): LandingData | undefined {
  const [data] = useState(() => (held?.source === source ? held.data : undefined));
  useEffect(() => dropLandingData(), []);
  return data;
}
