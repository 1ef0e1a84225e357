import { createContext, useContext, useEffect, useState } from 'react';

/*
 * A date or time field with some segments typed and others not (14/03/aaaa) holds no value: the form sees '' or the
 * last complete value, as it did with a native input, and would save without the date and without a word. Such a
 * field is "incomplete": it says so once focus leaves it, and the app's Form refuses to submit while one remains.
 *
 * The Form finds incomplete fields by an attribute in its own DOM subtree rather than through a registry: every call
 * site that already uses Form (or FormDialog) is covered without a line changed, in DOM order, and a field outside a
 * form (a screen's period filter) still shows its message on leaving.
 */

/** Set on a date or time field's root while it is incomplete; the Form looks for it before submitting. */
export const INCOMPLETE_ATTRIBUTE = 'data-incomplete';

/** How many submits the enclosing Form refused because of an incomplete field (0 outside a Form). */
export const RefusedSubmitsContext = createContext(0);

interface Segment {
  isEditable: boolean;
  isPlaceholder: boolean;
}

/** Some editable segments typed, others still their placeholder. An empty field is not incomplete. */
export function segmentsIncomplete(segments: readonly Segment[]): boolean {
  const editable = segments.filter((segment) => segment.isEditable);
  return editable.some((segment) => segment.isPlaceholder) && editable.some((segment) => !segment.isPlaceholder);
}

/** No editable segment typed: the field reads 'jj/mm/aaaa' in one muted grey, separators included. */
export function segmentsEmpty(segments: readonly Segment[]): boolean {
  return segments.every((segment) => !segment.isEditable || segment.isPlaceholder);
}

/**
 * Rendered inside a React Aria DateField/TimeField, where the segments' state is known, to lift whether they are
 * incomplete to the component that decides the field's error (which must be given to React Aria from outside).
 */
export function IncompleteReporter({
  segments,
  onChange,
}: {
  segments: readonly Segment[];
  onChange: (incomplete: boolean) => void;
}) {
  const incomplete = segmentsIncomplete(segments);
  useEffect(() => onChange(incomplete), [incomplete, onChange]);
  return null;
}

/**
 * The incomplete state of one field: whether to show its message (after focus left it, or after a refused submit,
 * until it is complete or empty again) and the props for its root.
 */
export function useIncompleteField() {
  const refusedSubmits = useContext(RefusedSubmitsContext);
  const [incomplete, setIncomplete] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [seenRefusals, setSeenRefusals] = useState(refusedSubmits);
  // Adjusted while rendering (not in an effect) so the message appears in the same commit as the refusal.
  if (refusedSubmits !== seenRefusals) {
    setSeenRefusals(refusedSubmits);
    if (incomplete) setRevealed(true);
  }
  if (!incomplete && revealed) setRevealed(false);
  return {
    isIncomplete: incomplete,
    showMessage: incomplete && revealed,
    setIncomplete,
    /** React Aria calls this when focus leaves the whole field, not when it moves between segments. */
    onBlur: () => {
      if (incomplete) afterCurrentGesture(() => setRevealed(true));
    },
  };
}

/**
 * Runs `reveal` once the press or key that moved focus away is over. Focus leaves on mousedown: a message shown then
 * pushes the form's submit button down before the mouseup, and the click lands beside it, so the form is neither
 * submitted nor refused and focus never reaches the field. After the release the click has already been handled.
 */
function afterCurrentGesture(reveal: () => void): void {
  const done = () => {
    window.removeEventListener('pointerup', done, true);
    window.removeEventListener('keyup', done, true);
    setTimeout(reveal, 0);
  };
  window.addEventListener('pointerup', done, true);
  window.addEventListener('keyup', done, true);
}

/**
 * Called by the Form before its own onSubmit: false when an incomplete field is inside it, after moving focus to the
 * first segment still to type in the first such field (its message is read with it by a screen reader).
 */
export function formIsComplete(form: HTMLFormElement): boolean {
  const first = form.querySelector<HTMLElement>(`[${INCOMPLETE_ATTRIBUTE}]`);
  if (!first) return true;
  const segment =
    first.querySelector<HTMLElement>('[role="spinbutton"][data-placeholder]') ??
    first.querySelector<HTMLElement>('[role="spinbutton"]');
  segment?.focus();
  return false;
}
