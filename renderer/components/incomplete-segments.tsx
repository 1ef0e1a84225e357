import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

/*
 * A date or time field with some segments typed and others not (14/03/aaaa) holds no value. The screen is told ''
 * while the field goes on showing what was typed, so nothing keeps using a date that is no longer on screen: a
 * complete date with its year erased filters nothing and exports nothing. Such a field is "incomplete": it says so
 * once focus leaves it, and an enclosing guard (the app's Form, or a screen's IncompleteGuard around a period) refuses
 * its action while one remains, moving focus to the part still to type.
 *
 * The guard finds incomplete fields by an attribute in its own DOM subtree rather than through a registry of
 * elements: every call site that already uses Form (or FormDialog) is covered without a line changed, in DOM order,
 * and a field outside any guard (a screen's period filter) still shows its message on leaving.
 */

/** Set on a date or time field's root while it is incomplete; a guard looks for it before an action. */
export const INCOMPLETE_ATTRIBUTE = 'data-incomplete';

interface IncompleteGuardValue {
  /** How many actions the enclosing guard refused because of an incomplete field (0 outside a guard). */
  refusals: number;
  /** Each field says whether it is incomplete, so a screen can hold a result back before any action. */
  report: (fieldId: string, incomplete: boolean) => void;
}

const NO_GUARD: IncompleteGuardValue = { refusals: 0, report: () => {} };
const IncompleteGuardContext = createContext<IncompleteGuardValue>(NO_GUARD);

/**
 * A guard over some date and time fields, for an action that needs them whole (an export's period, a series of
 * shifts): `refuse()` before the action answers true when it must not run, after moving focus to the first part still
 * to type and showing every incomplete field's message; `hasIncomplete` says one is partly typed right now. Give
 * the guard to <IncompleteGuard> around the fields.
 */
export function useIncompleteGuard() {
  const [refusals, setRefusals] = useState(0);
  const [incompleteIds, setIncompleteIds] = useState<ReadonlySet<string>>(() => new Set());
  // A callback ref kept in state, not a ref object: the guard is read while rendering (hasIncomplete).
  const [scopeElement, scope] = useState<HTMLElement | null>(null);
  const report = useCallback((fieldId: string, incomplete: boolean) => {
    setIncompleteIds((ids) => {
      if (ids.has(fieldId) === incomplete) return ids;
      const next = new Set(ids);
      if (incomplete) next.add(fieldId);
      else next.delete(fieldId);
      return next;
    });
  }, []);
  const refuse = useCallback(
    (within?: HTMLElement | null) => {
      const element = within ?? scopeElement;
      if (!element || !focusFirstIncomplete(element)) return false;
      setRefusals((count) => count + 1);
      return true;
    },
    [scopeElement],
  );
  return { scope, refusals, report, refuse, hasIncomplete: incompleteIds.size > 0 };
}

export type IncompleteGuardState = ReturnType<typeof useIncompleteGuard>;

/**
 * Gives the fields inside a guard (useIncompleteGuard) to report to and to be revealed by, in a plain block that is
 * where the guard looks for them (`className` for its layout); `bare` for a form, which is its own scope.
 */
export function IncompleteGuard({
  guard,
  className,
  bare = false,
  children,
}: {
  guard: IncompleteGuardState;
  className?: string;
  bare?: boolean;
  children: ReactNode;
}) {
  const { refusals, report, scope } = guard;
  const value = useMemo(() => ({ refusals, report }), [refusals, report]);
  return (
    <IncompleteGuardContext.Provider value={value}>
      {bare ? (
        children
      ) : (
        <div ref={scope} className={className}>
          {children}
        </div>
      )}
    </IncompleteGuardContext.Provider>
  );
}

interface Segment {
  type: string;
  value?: number | null | undefined;
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

const pad = (value: number | null | undefined, width: number) => String(value ?? 0).padStart(width, '0');

/**
 * What the segments show when every one is typed, in the field's text form (`yyyy-MM-dd` or `HH:mm`), else null. It
 * may be a date React Aria has not accepted yet (30/02 until focus leaves).
 */
export function segmentsText(segments: readonly Segment[]): string | null {
  const editable = segments.filter((segment) => segment.isEditable);
  if (editable.length === 0 || editable.some((segment) => segment.isPlaceholder)) return null;
  const part = (type: string) => editable.find((segment) => segment.type === type)?.value;
  return editable.some((segment) => segment.type === 'year')
    ? `${pad(part('year'), 4)}-${pad(part('month'), 2)}-${pad(part('day'), 2)}`
    : `${pad(part('hour'), 2)}:${pad(part('minute'), 2)}`;
}

/**
 * Rendered inside a React Aria DateField/TimeField, where the segments' state is known, to lift whether they are
 * incomplete (and what they show) to the component that decides the field's error and value.
 */
export function IncompleteReporter({
  segments,
  onChange,
}: {
  segments: readonly Segment[];
  onChange: (incomplete: boolean, shown: string | null) => void;
}) {
  const incomplete = segmentsIncomplete(segments);
  const shown = segmentsText(segments);
  useEffect(() => onChange(incomplete, shown), [incomplete, shown, onChange]);
  return null;
}

/**
 * The incomplete state of one field, given the screen's `value` and `onChange`:
 * - `fieldValue` and `onFieldChange` go to React Aria. While the field is incomplete the screen holds '', but React
 *   Aria must keep the last complete value: given '' it would forget the segments still typed.
 * - `onIncompleteChange` goes to IncompleteReporter: becoming incomplete tells the screen '' (if it held a date);
 *   showing the held value whole again without React Aria reporting a change (the erased part typed back as it was)
 *   gives it back.
 * - whether to show its message (after focus left it, or after a refused action, until it is whole or empty again)
 *   and the props for its root.
 */
export function useIncompleteField(value: string, onChange: (value: string) => void) {
  const guard = useContext(IncompleteGuardContext);
  const fieldId = useId();
  const [incomplete, setIncomplete] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [seenRefusals, setSeenRefusals] = useState(guard.refusals);
  const [held, setHeld] = useState<string | null>(null);
  // Adjusted while rendering (not in an effect) so the message appears in the same commit as the refusal.
  if (guard.refusals !== seenRefusals) {
    setSeenRefusals(guard.refusals);
    if (incomplete) setRevealed(true);
  }
  if (!incomplete && revealed) setRevealed(false);

  const { report } = guard;
  useEffect(() => {
    report(fieldId, incomplete);
    return () => report(fieldId, false);
  }, [report, fieldId, incomplete]);

  // The reporter's callback must stay the same function (it is an effect's dependency), so it reads these here.
  const latest = useRef({ value, onChange, held });
  useLayoutEffect(() => {
    latest.current = { value, onChange, held };
  });
  const onIncompleteChange = useCallback((next: boolean, shown: string | null) => {
    setIncomplete(next);
    const current = latest.current;
    if (next && current.value !== '') {
      setHeld(current.value);
      current.onChange('');
    } else if (!next && current.held !== null && shown === current.held) {
      // Typed back as it was: React Aria reports no change, so the field gives the date back itself. Anything else
      // shown whole (30/02) keeps the held value until React Aria settles it, on leaving, and reports that.
      setHeld(null);
      if (current.value === '') current.onChange(current.held);
    }
  }, []);

  return {
    isIncomplete: incomplete,
    showMessage: incomplete && revealed,
    /** A value the screen gave since (a preset, a reset) replaces the held one. */
    fieldValue: value === '' && held !== null ? held : value,
    onFieldChange: (next: string) => {
      setHeld(null);
      onChange(next);
    },
    onIncompleteChange,
    rootProps: { [INCOMPLETE_ATTRIBUTE]: incomplete || undefined },
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
 * True when an incomplete field is inside `scope`, after moving focus to the first segment still to type in the
 * first such field (its message is read with it by a screen reader).
 */
export function focusFirstIncomplete(scope: HTMLElement): boolean {
  const first = scope.querySelector<HTMLElement>(`[${INCOMPLETE_ATTRIBUTE}]`);
  if (!first) return false;
  const segment =
    first.querySelector<HTMLElement>('[role="spinbutton"][data-placeholder]') ??
    first.querySelector<HTMLElement>('[role="spinbutton"]');
  segment?.focus();
  return true;
}
