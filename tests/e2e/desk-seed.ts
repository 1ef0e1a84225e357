import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { searchKeys } from '../../shared/domain/search-keys';
import { generateVolunteerRef } from '../../shared/domain/volunteer-ref';
import { aMission, aShift, aSignUp, aVolunteer } from '../shared/domain/factories';
import { putRows } from './app-database';

export { tableRows } from './app-database';

/** What the desk's end-to-end specs share: a seeded running shift, the database read back, the desk opened. */

export const PEOPLE = [
  ['Hélène', 'Le Fèvre'],
  ['Zoé', 'Durand'],
  ['François', 'Müller'],
  ['Awa', 'N’Diaye'],
  ['Jean-Pierre', 'Martin'],
  ['Noël', 'Bernard'],
  ['Théo', 'Petit'],
] as const;

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * A shift running now (started 30 minutes ago), seven people signed up and one volunteer who is not, written into the
 * app's IndexedDB as the app stores them (volunteers with their folded search keys), then the page reloaded.
 */
export async function seed(page: Page): Promise<{ shiftId: string; refs: string[] }> {
  const now = Date.now();
  const mission = aMission({ id: uuid(1), title: 'Ramassage du canal', placeName: 'Quai de Valmy' });
  const shift = aShift({
    id: uuid(2),
    missionId: mission.id,
    start: new Date(now - 30 * 60_000).toISOString(),
    end: new Date(now + 150 * 60_000).toISOString(),
    capacity: 20,
  });
  const volunteers = [...PEOPLE, ['Ousmane', 'Inscritailleurs']].map(([firstName, lastName], index) => {
    const volunteer = aVolunteer({
      id: uuid(100 + index),
      ref: generateVolunteerRef(),
      firstName,
      lastName,
      email: `person${index}@example.org`,
      phone: null,
    });
    return { ...volunteer, searchKeys: searchKeys(volunteer) };
  });
  const signUps = PEOPLE.map((_, index) =>
    aSignUp({ id: uuid(200 + index), shiftId: shift.id, volunteerId: uuid(100 + index) }),
  );
  await putRows(page, { missions: [mission], shifts: [shift], volunteers, signUps });
  await page.reload();
  await page.waitForSelector('[data-app-ready]');
  return { shiftId: shift.id, refs: volunteers.map((volunteer) => volunteer.ref) };
}

/** What the database says, read straight from IndexedDB. */
export async function stored(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('desk-climat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(name: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    type Event = { kind: string; deleted: boolean; operator: string; deskId: string; signUpId: string; at: string };
    type SignUp = { id: string; status: string; attendance: string; deleted: boolean };
    const events = await all<Event>('checkinEvents');
    const signUps = (await all<SignUp>('signUps')).filter((signUp) => !signUp.deleted);
    // A walk-in is a sign-up made at the desk (audited as such) and still standing.
    const audit = await all<{ action: string; details: { signUpId?: string } }>('auditLog');
    const walkedIn = new Set(audit.filter((e) => e.action === 'desk.walk-in').map((e) => e.details.signUpId));
    db.close();
    const live = events.filter((event) => !event.deleted).sort((a, b) => a.at.localeCompare(b.at));
    const open = new Set<string>();
    for (const event of live) {
      if (event.kind === 'check_in') open.add(event.signUpId);
      else open.delete(event.signUpId);
    }
    return {
      events,
      live,
      signedUp: signUps.filter((signUp) => signUp.status === 'signed_up').length,
      present: signUps.filter((signUp) => signUp.attendance === 'present').length,
      absent: signUps.filter((signUp) => signUp.attendance === 'absent').length,
      onSite: open.size,
      walkIns: signUps.filter((signUp) => signUp.status === 'signed_up' && walkedIn.has(signUp.id)).length,
    };
  });
}

export async function counter(page: Page, name: string): Promise<number> {
  return Number(await page.locator(`[data-counter="${name}"] dd`).textContent());
}

/** The screen's counters agree with the database. */
export async function expectCountersMatch(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const db = await stored(page);
      return [
        (await counter(page, 'signedUp')) === db.signedUp,
        (await counter(page, 'present')) === db.present,
        (await counter(page, 'onSite')) === db.onSite,
        (await counter(page, 'expected')) === db.signedUp - db.present - db.absent,
        (await counter(page, 'walkIns')) === db.walkIns,
      ];
    })
    .toEqual([true, true, true, true, true]);
}

export async function typeAndPress(page: Page, text: string, key: string): Promise<void> {
  const search = page.getByRole('combobox', { name: /Chercher une personne/ });
  await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.type(text);
  await page.getByRole('option').first().waitFor();
  // The marker the benchmark waits for: the results for exactly this query are on screen, the index's included.
  await expect.poll(() => page.locator('#desk-results').getAttribute('data-desk-results-for')).toBe(text);
  await page.keyboard.press(key);
}

export function toast(page: Page, text: string | RegExp) {
  return page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** Opens the desk by keyboard as `operator` on the default (running) shift, setting the PIN and the idle time. */
export async function openDesk(page: Page, options: { operator: string; pin: string; idleMinutes?: number }) {
  await page.goto(page.url().replace(/#.*$/, '#/desk'));
  await page.getByRole('heading', { level: 1, name: 'Ouvrir l’accueil' }).waitFor();
  await tabTo(page, page.getByLabel('Votre nom'));
  await page.keyboard.type(options.operator);
  await tabTo(page, page.getByLabel('Code (4 à 8 chiffres)'));
  await page.keyboard.type(options.pin);
  await page.keyboard.press('Tab');
  await page.keyboard.type(options.pin);
  if (options.idleMinutes !== undefined) {
    await tabTo(page, page.getByLabel('Verrouillage après (minutes sans utilisation)'));
    await page.keyboard.press('Control+a');
    await page.keyboard.type(String(options.idleMinutes));
  }
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: /Chercher une personne/ }).waitFor();
}

/** Changes some fields of one stored row, straight in IndexedDB (before the screen that reads it is opened). */
export async function patchRow(page: Page, table: string, id: string, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    async ({ table, id, patch }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('desk-climat');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = db.transaction(table, 'readwrite').objectStore(table);
      await new Promise<void>((resolve, reject) => {
        const read = store.get(id);
        read.onsuccess = () => {
          const write = store.put({ ...(read.result as object), ...patch });
          write.onsuccess = () => resolve();
          write.onerror = () => reject(write.error);
        };
        read.onerror = () => reject(read.error);
      });
      db.close();
    },
    { table, id, patch },
  );
}

/** Moves the focus to `target` with the Tab key alone (the issue asks for a desk run by keyboard only). */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < 60; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${String(target)}`);
}
