import type { Locator, Page } from 'playwright-core';

/*
 * The app's date and time fields (renderer/components/date-field.tsx, time-field.tsx) are groups of spin buttons, one
 * per segment, in the app's language's order (dd/mm/yyyy), not a native input that `fill()` could set. These helpers
 * type into them as a person does with the keyboard, segment by segment, and read back what they show.
 */

type Scope = Page | Locator;
type Part = 'year' | 'month' | 'day' | 'hour' | 'minute';

/** The field's group, by its visible label (exactly, so 'Du' is not 'Durée'). */
export function dateGroup(scope: Scope, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

async function typeParts(group: Locator, parts: [Part, string][]): Promise<void> {
  for (const [part, digits] of parts) {
    const segment = group.locator(`[data-type="${part}"]`);
    if (digits === '') {
      // Backspace removes one digit at a time: five presses empty any segment.
      for (let i = 0; i < 5; i += 1) await segment.press('Backspace');
    } else {
      // A segment takes its digits then hands the focus to the next one by itself.
      await segment.focus();
      await segment.pressSequentially(digits);
    }
  }
}

/** Types `yyyy-MM-dd` into the date field labelled `label` ('' empties it). */
export async function fillDate(scope: Scope, label: string, value: string): Promise<void> {
  const [year = '', month = '', day = ''] = value === '' ? [] : value.split('-');
  await typeParts(dateGroup(scope, label), [
    ['day', day],
    ['month', month],
    ['year', year],
  ]);
}

/** Types `HH:mm` into the time field labelled `label` ('' empties it). */
export async function fillTime(scope: Scope, label: string, value: string): Promise<void> {
  const [hour = '', minute = ''] = value === '' ? [] : value.split(':');
  await typeParts(dateGroup(scope, label), [
    ['hour', hour],
    ['minute', minute],
  ]);
}

async function partValues(group: Locator, parts: Part[]): Promise<string[] | null> {
  const values: string[] = [];
  for (const part of parts) {
    // A spin button without aria-valuenow is still its placeholder.
    const now = await group.locator(`[data-type="${part}"]`).getAttribute('aria-valuenow');
    if (now === null) return null;
    values.push(now.padStart(part === 'year' ? 4 : 2, '0'));
  }
  return values;
}

/** The date the field holds, as `yyyy-MM-dd`, or '' while it is empty or incomplete. */
export async function dateValue(scope: Scope, label: string): Promise<string> {
  const values = await partValues(dateGroup(scope, label), ['year', 'month', 'day']);
  return values ? values.join('-') : '';
}

/** The time the field holds, as `HH:mm`, or '' while it is empty or incomplete. */
export async function timeValue(scope: Scope, label: string): Promise<string> {
  const values = await partValues(dateGroup(scope, label), ['hour', 'minute']);
  return values ? values.join(':') : '';
}

/** What the field shows, as a person reads it ("14/03/2026", "jj/mm/aaaa", "18:05"). */
export async function shownText(scope: Scope, label: string): Promise<string> {
  const texts = await dateGroup(scope, label).locator('[data-type]').allTextContents();
  return texts.join('').replace(/[\u200e\u200f\u2066-\u2069]/g, '');
}
