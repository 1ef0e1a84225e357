import { afterEach, describe, expect, it } from 'vitest';
import { parisDateAndTimeToInstant, parisLocalDate } from '../../shared/domain/paris-time';
import { axeViolations } from './axe';
import {
  counter,
  expectCountersMatch,
  openDesk,
  patchRow,
  seed,
  tableRows,
  tabTo,
  toast,
  typeAndPress,
} from './desk-seed';
import { completeFirstStart, foreignRequests, openApp, type E2eSession } from './harness';

interface StoredSignUp {
  id: string;
  volunteerId: string;
  status: string;
  attendance: string;
  attendanceSource: string | null;
  cancelledAt: string | null;
  cancellationCutoffHours: number | null;
  correctedArrival: string | null;
  correctedDeparture: string | null;
}
interface StoredAudit {
  action: string;
  operator: string;
  deskId: string;
  subjectId: string | null;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const signUpOf = (rows: StoredSignUp[], volunteer: number) => rows.find((row) => row.volunteerId === uuid(volunteer));

/** The desk's other modes (issue #8): idle lock, presence by default, paper re-entry, late cancellation. */
describe('the event desk, its locks and modes', () => {
  let session: E2eSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  async function start() {
    session = await openApp();
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 720 });
    await completeFirstStart(page);
    const seeded = await seed(page);
    return { page, ...seeded };
  }

  it('locks itself after the idle time chosen, stays locked across a reload, and opens again with the PIN only', async () => {
    const { page } = await start();
    // The page's clock is Playwright's: minutes pass in an instant, nothing is waited for.
    await page.clock.install();
    await openDesk(page, { operator: 'Inès', pin: '2468', idleMinutes: 1 });
    const lockHeading = page.getByRole('heading', { level: 1, name: 'Poste verrouillé' });

    // A key pressed resets the idle time: 40 s, a key, 40 s more, still open.
    await page.clock.fastForward(40_000);
    await page.keyboard.type('zo');
    await page.clock.fastForward(40_000);
    await page.getByRole('option', { name: /Zoé Durand/ }).waitFor();
    // The lock would have been written when its timer fired, before this read (IndexedDB keeps the order).
    const sessions = await tableRows<{ key: string; value: { locked: boolean } }>(page, 'uiPreferences');
    expect(sessions.find((row) => row.key === 'deskSession')?.value.locked).toBe(false);
    expect(await lockHeading.count()).toBe(0);

    // A whole minute without a key: locked; the search and the counters are gone.
    await page.clock.fastForward(61_000);
    await lockHeading.waitFor();
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await page.locator('[data-counter]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // A reload does not unlock it.
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await lockHeading.waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);

    // A wrong PIN is refused; the right one opens the desk again, still in desk-only mode.
    await tabTo(page, page.getByRole('textbox', { name: 'Code' }));
    await page.keyboard.type('1357');
    await page.keyboard.press('Enter');
    await page.getByText('Code incorrect.').waitFor();
    expect(await lockHeading.count()).toBe(1);
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    expect(await lockHeading.count()).toBe(0);
    await typeAndPress(page, 'helen', 'Enter');
    await toast(page, 'Hélène Le Fèvre : arrivée à');
    expect(foreignRequests(session!)).toEqual([]);
  });

  it('counts everyone present by default, marks the exceptions, and keeps the mode across a reload', async () => {
    const { page } = await start();
    await openDesk(page, { operator: 'Inès', pin: '2468' });
    await expect.poll(() => counter(page, 'expected')).toBe(7);
    const mode = page.getByRole('checkbox', { name: /Présence par défaut : Ramassage du canal/ });
    await tabTo(page, mode);
    await page.keyboard.press('Space');
    await toast(page, 'Présence par défaut : 7 personne(s) comptée(s) présente(s).');
    await expect.poll(() => counter(page, 'present')).toBe(7);
    expect(await counter(page, 'expected')).toBe(0);
    expect(await counter(page, 'onSite')).toBe(7);
    let rows = await tableRows<StoredSignUp>(page, 'signUps');
    expect(rows.map((row) => [row.attendance, row.attendanceSource])).toEqual(
      Array(7).fill(['present', 'desk_presence_default']),
    );
    expect(await axeViolations(page)).toEqual([]);

    // The exception: Noël did not come (F4). Zoé leaves without ever having checked in (F2).
    await typeAndPress(page, 'noel', 'F4');
    await toast(page, 'Noël Bernard : absence notée.');
    await expect.poll(() => counter(page, 'present')).toBe(6);
    await typeAndPress(page, 'zoe', 'F2');
    await toast(page, 'Zoé Durand : départ à');
    await expect.poll(() => counter(page, 'onSite')).toBe(5);
    expect(await counter(page, 'present')).toBe(6);
    rows = await tableRows<StoredSignUp>(page, 'signUps');
    expect(signUpOf(rows, 105)).toMatchObject({ attendance: 'absent', attendanceSource: 'desk' });
    expect(rows.filter((row) => row.attendanceSource === 'desk_presence_default')).toHaveLength(6);
    await page.getByRole('option').first().waitFor({ state: 'detached' });

    // A reload keeps the mode and the counts.
    await page.reload();
    await page.waitForSelector('[data-app-ready]');
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await expect.poll(() => counter(page, 'present')).toBe(6);
    expect(await mode.isChecked()).toBe(true);

    // Switched off: those counted by default are expected again; the exception stays absent.
    await tabTo(page, mode);
    await page.keyboard.press('Space');
    await toast(page, 'Présence par défaut désactivée.');
    await expect.poll(() => counter(page, 'present')).toBe(1); // Zoé, who left
    expect(await counter(page, 'expected')).toBe(5);
    rows = await tableRows<StoredSignUp>(page, 'signUps');
    expect(signUpOf(rows, 105)?.attendance).toBe('absent');
    expect(foreignRequests(session!)).toEqual([]);
  });

  it('re-enters a paper sheet: ticks and handwritten times stored as paper corrections, a bad time refused with nothing saved', async () => {
    const { page, shiftId } = await start();
    await page.goto(page.url().replace(/#.*$/, '#/desk'));
    await tabTo(page, page.getByRole('link', { name: /Saisir la feuille papier : Ramassage du canal/ }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Saisie de la feuille papier/ }).waitFor();
    expect(page.url()).toContain(`#/desk/paper/${shiftId}`);

    async function tick(name: string, arrival?: string, departure?: string) {
      await tabTo(page, page.getByRole('checkbox', { name: `Présent·e : ${name}` }));
      await page.keyboard.press('Space');
      if (arrival !== undefined) {
        await tabTo(page, page.getByRole('textbox', { name: `Arrivée de ${name}` }));
        await page.keyboard.type(arrival);
      }
      if (departure !== undefined) {
        await tabTo(page, page.getByRole('textbox', { name: `Départ de ${name}` }));
        await page.keyboard.type(departure);
      }
    }
    await tick('Hélène Le Fèvre', '09:05', '11:30');
    await tick('Zoé Durand');
    await tick('Awa N’Diaye', '9h');
    await tabTo(page, page.getByRole('button', { name: 'Enregistrer la feuille' }));
    await page.keyboard.press('Enter');
    await page.getByText('Heure invalide pour Awa N’Diaye (format HH:MM).').waitFor();
    expect((await tableRows<StoredSignUp>(page, 'signUps')).filter((row) => row.attendanceSource)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    const awaArrival = page.getByRole('textbox', { name: 'Arrivée de Awa N’Diaye' });
    await tabTo(page, awaArrival);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('09:10');
    await tabTo(page, page.getByRole('button', { name: 'Enregistrer la feuille' }));
    await page.keyboard.press('Enter');
    await page.getByText('Feuille enregistrée : 3 présent·e(s), 4 absent·e(s).').waitFor();

    const rows = await tableRows<StoredSignUp>(page, 'signUps');
    const shift = (await tableRows<{ id: string; start: string }>(page, 'shifts')).find((s) => s.id === shiftId)!;
    const at = (time: string) => {
      const result = parisDateAndTimeToInstant(parisLocalDate(shift.start), time, { fold: 'earlier' });
      if (!result.ok) throw new Error(time);
      return new Date(result.instant).toISOString();
    };
    const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : value);
    const helene = signUpOf(rows, 100);
    expect(helene).toMatchObject({ attendance: 'present', attendanceSource: 'paper' });
    expect([iso(helene?.correctedArrival), iso(helene?.correctedDeparture)]).toEqual([at('09:05'), at('11:30')]);
    expect(signUpOf(rows, 101)).toMatchObject({
      attendance: 'present',
      attendanceSource: 'paper',
      correctedArrival: null,
      correctedDeparture: null,
    });
    expect(iso(signUpOf(rows, 103)?.correctedArrival)).toBe(at('09:10'));
    for (const absent of [102, 104, 105, 106])
      expect(signUpOf(rows, absent)).toMatchObject({ attendance: 'absent', attendanceSource: 'paper' });
    const audit = await tableRows<StoredAudit>(page, 'auditLog');
    expect(audit.filter((entry) => entry.action === 'desk.paper-entry')).toHaveLength(7);
    expect(foreignRequests(session!)).toEqual([]);
  });

  it('marks a late cancellation from a result (F7), audited with the operator and the desk, refused for someone here, and undone', async () => {
    const { page } = await start();
    // Théo is 14, on a mission that needs a parental authorisation he has not brought.
    await patchRow(page, 'missions', uuid(1), { minorsNeedAuthorisation: true });
    await patchRow(page, 'volunteers', uuid(106), {
      birthDate: '2012-03-04',
      parentalAuthorisation: 'missing',
      guardianPhone: '+33612345678',
    });
    await openDesk(page, { operator: 'Inès', pin: '2468' });
    await expectCountersMatch(page);

    // Someone already here cannot cancel.
    await typeAndPress(page, 'zoe', 'Enter');
    await toast(page, 'Zoé Durand : arrivée à');
    await typeAndPress(page, 'zoe', 'F7');
    await toast(page, /Zoé Durand est déjà là depuis \d\d:\d\d/);
    expect(signUpOf(await tableRows<StoredSignUp>(page, 'signUps'), 101)?.status).toBe('signed_up');

    // Théo's result says, in words as well as colour, that he is a minor without authorisation, with the guardian's
    // phone. He phones: he will not come. F7 on his result.
    await page.keyboard.type('theo');
    await page
      .getByRole('option', { name: /Théo Petit.*Mineur·e sans autorisation parentale — Responsable : 06 12 34 56 78/ })
      .waitFor();
    await page.keyboard.press('F7');
    await toast(page, 'Théo Petit : annulation tardive notée (excusé·e).');
    await expect.poll(() => counter(page, 'signedUp')).toBe(6);
    await expectCountersMatch(page);
    let theo = signUpOf(await tableRows<StoredSignUp>(page, 'signUps'), 106);
    expect(theo).toMatchObject({ status: 'cancelled', cancellationCutoffHours: 24 });
    expect(theo?.cancelledAt).toMatch(/Z$/);
    const audit = (await tableRows<StoredAudit>(page, 'auditLog')).filter(
      (entry) => entry.action === 'desk.late-cancellation',
    );
    expect(audit).toEqual([expect.objectContaining({ operator: 'Inès', subjectId: uuid(106) })]);
    expect(audit[0]?.deskId).not.toBe('');

    // His result now says so, in words.
    await page.keyboard.type('theo');
    await page.getByRole('option', { name: /Théo Petit.*Inscription annulée/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // Ctrl+Z: back on the list, the counters as before.
    await page.keyboard.press('Control+z');
    await toast(page, 'Action annulée.');
    await expect.poll(() => counter(page, 'signedUp')).toBe(7);
    await expectCountersMatch(page);
    theo = signUpOf(await tableRows<StoredSignUp>(page, 'signUps'), 106);
    expect(theo).toMatchObject({ status: 'signed_up', cancelledAt: null });

    // Arrow keys move the selection; Enter checks in the one selected, not the first.
    await page.keyboard.type('person');
    await expect.poll(() => page.getByRole('option').count()).toBe(8);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: /Hélène Le Fèvre/, selected: true }).waitFor();
    await page.keyboard.press('Enter');
    await toast(page, 'Hélène Le Fèvre : arrivée à');
    await expectCountersMatch(page);
    expect(foreignRequests(session!)).toEqual([]);
  });
});
