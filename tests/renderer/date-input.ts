import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/*
 * The date and time fields (renderer/components/date-field.tsx, time-field.tsx) are groups of spin buttons, one per
 * segment, not one text input. These helpers type into them the way a person does, segment by segment, whatever the
 * order the language shows them in.
 */

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute';

/** The field's group, found by its visible label. */
export function dateGroup(scope: HTMLElement, label: string): HTMLElement {
  return within(scope).getByRole('group', { name: label });
}

function segment(group: HTMLElement, part: Part): HTMLElement {
  const found = group.querySelector<HTMLElement>(`[data-type="${part}"]`);
  if (!found) throw new Error(`no ${part} segment in the field “${group.textContent ?? ''}”`);
  return found;
}

async function typeParts(user: UserEvent, group: HTMLElement, parts: [Part, string][]): Promise<void> {
  for (const [part, digits] of parts) {
    const target = segment(group, part);
    await user.click(target);
    // Backspace empties a segment one digit at a time; enough presses to empty any of them.
    if (digits === '') await user.keyboard('{Backspace}'.repeat(5));
    else await user.keyboard(digits);
  }
}

/** Types `yyyy-MM-dd` into the date field labelled `label` ('' empties it). */
export async function typeDate(user: UserEvent, scope: HTMLElement, label: string, value: string): Promise<void> {
  const [year = '', month = '', day = ''] = value === '' ? [] : value.split('-');
  await typeParts(user, dateGroup(scope, label), [
    ['day', day],
    ['month', month],
    ['year', year],
  ]);
}

/** Types `HH:mm` into the time field labelled `label` ('' empties it). */
export async function typeTime(user: UserEvent, scope: HTMLElement, label: string, value: string): Promise<void> {
  const [hour = '', minute = ''] = value === '' ? [] : value.split(':');
  await typeParts(user, dateGroup(scope, label), [
    ['hour', hour],
    ['minute', minute],
  ]);
}

/** What the field shows, as the segments' text in their order ("14/03/2026", "09:05"). */
export function shownValue(scope: HTMLElement, label: string): string {
  const group = dateGroup(scope, label);
  return Array.from(group.querySelectorAll('[data-type]'))
    .map((node) => node.textContent ?? '')
    .join('')
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '');
}
