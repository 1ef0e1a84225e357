/**
 * Probes run INSIDE the built app's page (same origin as the bench page, so the app's CSP `script-src 'self'` lets
 * bench/run.ts import this module there). Each measures one user-visible step of the app beside a baseline that does
 * plain work of the same size in the same page: raw IndexedDB reads, a plain array scan, plain DOM rows.
 *
 * "Painted" means: the DOM change was observed, then one animation frame and one task later (the frame that shows it
 * has been produced by then).
 */

export interface Timing {
  readonly figure: number;
  readonly baseline: number;
  readonly detail?: string;
}

const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Resolves once `test()` holds, checked on every DOM mutation (and right away); rejects after `timeout` ms. */
function when(test: () => boolean, timeout = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test()) {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!test()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`bench probe: condition not met within ${timeout} ms`));
    }, timeout);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Waits until the DOM has been quiet for `quietFrames` frames; returns the time of the last mutation. */
function settled(quietFrames = 6, timeout = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let last = performance.now();
    let quiet = 0;
    const started = performance.now();
    const observer = new MutationObserver(() => {
      last = performance.now();
      quiet = 0;
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const frame = () => {
      if (performance.now() - started > timeout) {
        observer.disconnect();
        reject(new Error('bench probe: the page never settled'));
        return;
      }
      if (++quiet >= quietFrames) {
        observer.disconnect();
        resolve(last);
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Types into a React-controlled input as a keystroke would: the native setter, then an `input` event. */
function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('desk-climat');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function getAll<T>(db: IDBDatabase, table: string, range?: IDBKeyRange, index?: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const store = db.transaction(table).objectStore(table);
    const request = (index ? store.index(index) : store).getAll(range);
    request.onsuccess = () => resolve(request.result as T[]);
    request.onerror = () => reject(request.error);
  });
}

/** A scratch list outside the app's tree for the baselines' DOM work. */
function scratchList(): HTMLUListElement {
  const list = document.createElement('ul');
  list.setAttribute('aria-hidden', 'true');
  list.style.cssText = 'position:fixed;inset:0 auto auto 0;width:600px;height:400px;overflow:auto;opacity:0.01';
  document.body.append(list);
  return list;
}

function renderRows(list: HTMLElement, texts: readonly string[]): void {
  list.replaceChildren(
    ...texts.map((text) => {
      const item = document.createElement('li');
      item.textContent = text;
      item.style.height = '56px';
      return item;
    }),
  );
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

interface PlainVolunteer {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  ref: string;
  deleted: boolean;
}

let people: { text: string; label: string }[] | null = null;

/** The baseline's data, read once (not timed): every volunteer as one folded string. */
async function plainPeople(): Promise<{ text: string; label: string }[]> {
  if (people) return people;
  const db = await openRaw();
  const rows = await getAll<PlainVolunteer>(db, 'volunteers');
  db.close();
  people = rows
    .filter((row) => !row.deleted)
    .map((row) => ({
      text: fold(`${row.lastName} ${row.firstName} ${row.email ?? ''} ${row.ref}`),
      label: `${row.lastName} ${row.firstName} ${row.ref}`,
    }));
  return people;
}

/** Baseline of a search keystroke: scan every person's folded text, render the first 20 matches, paint. */
async function plainSearch(query: string, list: HTMLElement): Promise<number> {
  const all = await plainPeople();
  const started = performance.now();
  const folded = fold(query);
  const found: string[] = [];
  for (const person of all) {
    if (person.text.includes(folded)) {
      found.push(person.label);
      if (found.length === 20) break;
    }
  }
  renderRows(list, found);
  await afterPaint();
  return performance.now() - started;
}

/** Desk: one keystroke (the query's last character) → results for the whole query painted. */
async function deskSearch(query: string): Promise<Timing> {
  const input = document.getElementById('desk-search') as HTMLInputElement | null;
  if (!input) throw new Error('bench probe: no desk search box');
  const results = () => document.getElementById('desk-results');
  await when(() => document.querySelector('[data-desk-index="ready"]') !== null, 120_000);
  typeInto(input, '');
  await afterPaint();
  const prefix = query.slice(0, -1);
  typeInto(input, prefix);
  await when(() => results()?.getAttribute('data-desk-results-for') === prefix);
  await afterPaint();
  const started = performance.now();
  typeInto(input, query);
  await when(() => results()?.getAttribute('data-desk-results-for') === query);
  await afterPaint();
  const figure = performance.now() - started;
  const shown = results()?.querySelectorAll('[role="option"]').length ?? 0;
  const list = scratchList();
  const baseline = await plainSearch(query, list);
  list.remove();
  return { figure, baseline, detail: `${shown} results` };
}

/** Desk: Enter on the first result → the check-in saved and its confirmation shown. */
async function deskCheckIn(query: string): Promise<Timing> {
  const input = document.getElementById('desk-search') as HTMLInputElement | null;
  if (!input) throw new Error('bench probe: no desk search box');
  const results = () => document.getElementById('desk-results');
  typeInto(input, query);
  await when(() => results()?.getAttribute('data-desk-results-for') === query);
  await afterPaint();
  const toastSeq = () => Number(document.querySelector('[data-desk-toast]')?.getAttribute('data-desk-toast') ?? 0);
  const before = toastSeq();
  const started = performance.now();
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
  await when(() => toastSeq() > before);
  await afterPaint();
  const figure = performance.now() - started;
  const message = document.querySelector('[data-desk-toast]')?.textContent ?? '';

  // Baseline: one event written with the raw API in its own transaction, a line of text updated, painted.
  const db = await openRaw();
  const status = document.createElement('p');
  document.body.append(status);
  const id = `bench-${crypto.randomUUID()}`;
  const baselineStarted = performance.now();
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction('checkinEvents', 'readwrite');
    transaction.objectStore('checkinEvents').put({ id, signUpId: id, shiftId: id, at: new Date().toISOString() });
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  status.textContent = 'saved';
  await afterPaint();
  const baseline = performance.now() - baselineStarted;
  await new Promise<void>((resolve) => {
    const transaction = db.transaction('checkinEvents', 'readwrite');
    transaction.objectStore('checkinEvents').delete(id);
    transaction.oncomplete = () => resolve();
  });
  db.close();
  status.remove();
  return { figure, baseline, detail: message.slice(0, 60) };
}

const firstRow = () => document.querySelector('main li[aria-posinset="1"]');

/** Volunteers: from another screen, open the list → its first rows painted and the page settled. */
async function volunteersOpen(from: string): Promise<Timing> {
  location.hash = from;
  await when(() => firstRow() === null && document.querySelector('main h1') !== null);
  await settled();
  const started = performance.now();
  location.hash = '#/volunteers';
  await when(() => firstRow() !== null);
  const shown = performance.now();
  // Then the rest of the screen (the count, the filters) until nothing changes any more.
  const figure = Math.max(shown, await settled()) - started;
  const size = firstRow()?.getAttribute('aria-setsize') ?? '?';

  // Baseline: the first screenful by the lastName index with the raw API, rendered as plain rows, painted.
  const list = scratchList();
  const baselineStarted = performance.now();
  const db = await openRaw();
  const rows = await new Promise<PlainVolunteer[]>((resolve, reject) => {
    const found: PlainVolunteer[] = [];
    const cursor = db.transaction('volunteers').objectStore('volunteers').index('lastName').openCursor();
    cursor.onsuccess = () => {
      const current = cursor.result;
      if (current && found.length < 20) {
        found.push(current.value as PlainVolunteer);
        current.continue();
      } else resolve(found);
    };
    cursor.onerror = () => reject(cursor.error);
  });
  renderRows(
    list,
    rows.map((row) => `${row.lastName} ${row.firstName} ${row.ref}`),
  );
  await afterPaint();
  const baseline = performance.now() - baselineStarted;
  db.close();
  list.remove();
  return { figure, baseline, detail: `${size} rows listed` };
}

/** Volunteers: type a query in the list's search field → the filtered list painted (`expected` rows). */
async function volunteersFilter(query: string, expected: number): Promise<Timing> {
  const input = document.querySelector('main input[type="search"]') as HTMLInputElement | null;
  if (!input) throw new Error('bench probe: no search field on the volunteers screen');
  typeInto(input, '');
  await settled();
  const started = performance.now();
  typeInto(input, query);
  await when(() => firstRow()?.getAttribute('aria-setsize') === String(expected));
  await afterPaint();
  const figure = performance.now() - started;
  const list = scratchList();
  const baseline = await plainSearch(query, list);
  list.remove();
  typeInto(input, '');
  await settled();
  return { figure, baseline, detail: `${expected} row(s)` };
}

/** Frame intervals while scrolling `element` by `step` pixels per frame for `frames` frames. */
function scrollFrames(element: HTMLElement, frames: number, step: number): Promise<number[]> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let previous = 0;
    let count = 0;
    const tick = (time: number) => {
      if (previous) intervals.push(time - previous);
      previous = time;
      if (++count > frames) {
        resolve(intervals);
        return;
      }
      const max = element.scrollHeight - element.clientHeight;
      element.scrollTop = element.scrollTop + step > max ? 0 : element.scrollTop + step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const overBudget = (intervals: readonly number[]) =>
  (intervals.filter((interval) => interval > 16.7 + 1).length / Math.max(1, intervals.length)) * 100;

/** Volunteers: scroll the virtualised list → the share of frames over 16.7 ms (in %), beside a plain list. */
async function volunteersScroll(frames: number): Promise<Timing> {
  const scroller = document.querySelector('main [role="region"]') as HTMLElement | null;
  if (!scroller) throw new Error('bench probe: no list region');
  const rows = Number(firstRow()?.getAttribute('aria-setsize') ?? 0);
  const figure = overBudget(await scrollFrames(scroller, frames, 240));
  scroller.scrollTop = 0;
  // Baseline: the same number of plain rows (all in the DOM, nothing virtual), scrolled the same way.
  const list = scratchList();
  renderRows(
    list,
    Array.from({ length: rows }, (_unused, index) => `Row ${index + 1}`),
  );
  await afterPaint();
  const baseline = overBudget(await scrollFrames(list, frames, 240));
  list.remove();
  return { figure, baseline, detail: `${rows} rows, ${frames} frames` };
}

/** Planning: open the week view of a given week (its Monday in the address) → every shift of the week painted. */
async function planningWeek(monday: string, weekStart: string, weekEnd: string): Promise<Timing> {
  location.hash = '#/volunteers';
  await when(() => firstRow() !== null);
  await settled();
  const started = performance.now();
  location.hash = `#/planning?date=${monday}`;
  await when(() => document.querySelector('main a[href*="/shifts/"]') !== null);
  const shownFirst = performance.now();
  const figure = Math.max(shownFirst, await settled(10)) - started;
  const shown = document.querySelectorAll('main a[href*="/shifts/"]').length;

  // Baseline: the week's shifts by the start index with the raw API, rendered as plain rows, painted.
  const list = scratchList();
  const baselineStarted = performance.now();
  const db = await openRaw();
  const shifts = await getAll<{ id: string; start: string }>(
    db,
    'shifts',
    IDBKeyRange.bound(weekStart, weekEnd, false, true),
    'start',
  );
  renderRows(
    list,
    shifts.map((shift) => `${shift.start} ${shift.id}`),
  );
  await afterPaint();
  const baseline = performance.now() - baselineStarted;
  db.close();
  list.remove();
  return { figure, baseline, detail: `${shown} shifts shown, ${shifts.length} in the week` };
}

const probes = { deskSearch, deskCheckIn, volunteersOpen, volunteersFilter, volunteersScroll, planningWeek };
export type Probes = typeof probes;

declare global {
  interface Window {
    benchProbes?: Probes;
  }
}

// A side effect, not an export: the app's page imports this file by URL, and an app build keeps no entry's exports.
window.benchProbes = probes;
