import type { Page } from 'playwright-core';
import { fillDate, fillTime } from './date-input';

/*
 * Steps a coordinator takes through the screens (in French) before the part a spec is about: the missions, shifts and
 * volunteers it needs, typed in as a person does rather than written into IndexedDB (desk-seed.ts does that).
 */

/** The Missions screen, from anywhere in the app, through the main navigation. */
export async function openMissions(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Missions', exact: true })
    .click();
}

/** Missions › Nouvelle mission, from anywhere in the app, the empty form in view. */
export async function openNewMission(page: Page): Promise<void> {
  await openMissions(page);
  await page.getByRole('link', { name: 'Nouvelle mission' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nouvelle mission' }).waitFor();
}

export interface NewMission {
  title: string;
  postalCode?: string;
  place?: string;
  minimumAge?: string;
}

/** A mission created through its form; the page is then the mission's own, with its shifts. */
export async function createMission(page: Page, mission: NewMission): Promise<void> {
  await openNewMission(page);
  await submitNewMission(page, mission);
}

/** The new mission form, already open (openNewMission), filled and sent. */
export async function submitNewMission(page: Page, mission: NewMission): Promise<void> {
  await page.getByLabel('Intitulé').fill(mission.title);
  if (mission.place !== undefined) await page.getByLabel('Nom du lieu').fill(mission.place);
  if (mission.postalCode !== undefined) await page.getByLabel('Code postal').fill(mission.postalCode);
  if (mission.minimumAge !== undefined) await page.getByLabel('Âge minimum').fill(mission.minimumAge);
  await page.getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('heading', { level: 1, name: mission.title }).waitFor();
}

export interface NewShift {
  /** `yyyy-MM-dd` */
  date: string;
  /** `HH:mm` */
  start: string;
  end: string;
  capacity?: string;
}

/** A shift added from the mission's page through "Ajouter un créneau"; the dialog is closed once it is saved. */
export async function addShift(page: Page, shift: NewShift): Promise<void> {
  await page.getByRole('button', { name: 'Ajouter un créneau' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter un créneau' });
  await fillDate(dialog, 'Date', shift.date);
  await fillTime(dialog, 'Début', shift.start);
  await fillTime(dialog, 'Fin', shift.end);
  if (shift.capacity !== undefined) await dialog.getByLabel('Nombre de places').fill(shift.capacity);
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** A volunteer created from Bénévoles › Ajouter; the page is then the volunteer's own. */
export async function createVolunteer(page: Page, firstName: string, lastName: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Bénévoles' })
    .click();
  await page.getByRole('link', { name: 'Ajouter un ou une bénévole' }).click();
  await page.getByLabel('Prénom').fill(firstName);
  await page.getByLabel('Nom', { exact: true }).fill(lastName);
  await page.getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('heading', { level: 1, name: `${firstName} ${lastName}` }).waitFor();
}
