import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPhone } from '../../../shared/domain/phone';
import { matchesSearch } from '../../../shared/domain/text-folding';
import type { SignUpDecision } from '../../../shared/domain/signup-decision';
import { Button } from '../../components/button';
import { ModalDialog } from '../../components/form-dialog';
import { Checkbox } from '../../components/checkbox';
import { useSettings } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import {
  deskCounters,
  type CheckInRefusal,
  type DeskAction,
  type DeskPerson,
  type DeskSession,
  type DeskShift,
} from '../../db/repositories/desk-repository';
import { formatShiftDate, formatTime, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useDeskData, usePeopleSearch } from './desk-hooks';
import { findResults, RESULT_LIMIT, shiftMatches, shiftResults, signedUpPeople, type DeskResult } from './desk-results';
import styles from './desk.module.css';
import { PinForm } from './pin-dialog';
import { deskQuery } from './search-index';
import { WalkInDialog } from './walk-in-dialog';

interface Toast {
  /** Grows with every toast: the benchmark waits for the next one after a key (data-desk-toast). */
  readonly seq: number;
  readonly message: string;
  readonly tone: 'success' | 'warning' | 'error';
  readonly action: DeskAction | null;
}

/** The running desk: one search box, Enter checks in, live counters, undo; locked after the idle time. */
export function DeskRunning({ session }: { session: DeskSession }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const settings = useSettings();
  const language = useLanguage();
  const data = useDeskData(session.shiftIds);
  const people = usePeopleSearch();
  const [query, setQuery] = useState('');
  const [others, setOthers] = useState<{ typed: string; version: number; people: DeskPerson[] } | null>(null);
  const [active, setActive] = useState(0);
  const [toast, setToast] = useState<Toast | null>(null);
  const [lastAction, setLastAction] = useState<DeskAction | null>(null);
  const [walkIn, setWalkIn] = useState<{ name: string } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const toastSeq = useRef(0);

  // After a reload the operator comes back from the session (every event records it).
  useEffect(() => {
    if (repositories.desk.operator !== session.operator) repositories.desk.setOperator(session.operator);
  }, [repositories, session.operator]);

  useEffect(() => {
    document.title = t('desk.title');
  }, [t]);

  const fromShifts = useMemo(() => (data ? shiftResults(data) : []), [data]);
  const walkInShift = useMemo(
    () => pickWalkInShift(data?.shifts ?? [], repositories.desk.now().getTime()),
    [data, repositories],
  );
  const exclude = useMemo(() => signedUpPeople(fromShifts), [fromShifts]);
  const indexReady = people.search !== null && people.state.size !== null;
  const { search: peopleSearch, state: peopleState } = people;

  // Each keystroke asks the index (in its Worker) for the others; the answer for an older query is dropped.
  useEffect(() => {
    if (!peopleSearch || peopleState.size === null || deskQuery(query).alternatives.length === 0) return;
    let current = true;
    const limit = RESULT_LIMIT - shiftMatches(deskQuery(query), fromShifts).length;
    void peopleSearch.search(query, limit, exclude).then((found) => {
      if (current) setOthers({ typed: query, version: peopleState.version, people: found });
    });
    return () => {
      current = false;
    };
  }, [peopleSearch, peopleState, query, exclude, fromShifts]);

  const answered = others !== null && others.typed === query && others.version === peopleState.version;
  // Complete: the index's answer for this very query is in (or there is nothing to ask).
  const complete = deskQuery(query).alternatives.length === 0 || (indexReady && answered);
  const results = useMemo(() => {
    const parsed = deskQuery(query);
    // Until the index answers this keystroke, the previous answer's people who still match stay on screen.
    const shown = answered ? others.people : (others?.people ?? []).filter((p) => matchesSearch(p.searchKeys, parsed));
    return findResults(parsed, fromShifts, shown, walkInShift);
  }, [query, fromShifts, answered, others, walkInShift]);

  /** The results for what is in the box now (a scanner types then presses Enter before the screen caught up). */
  async function resultsNow(typed: string): Promise<{ list: DeskResult[]; current: boolean }> {
    if (typed === query && complete) return { list: results, current: true };
    const parsed = deskQuery(typed);
    const own = shiftMatches(parsed, fromShifts);
    const found =
      peopleSearch && indexReady && own.length < RESULT_LIMIT
        ? await peopleSearch.search(typed, RESULT_LIMIT - own.length, exclude)
        : [];
    return { list: findResults(parsed, fromShifts, found, walkInShift), current: false };
  }
  const counters = useMemo(() => (data ? deskCounters(data) : null), [data]);
  const selected = results[Math.min(active, results.length - 1)] ?? null;

  const focusSearch = useCallback(() => search.current?.focus(), []);
  const lock = useCallback(
    () => repositories.checkins.saveSession({ ...session, locked: true }),
    [repositories, session],
  );
  useIdleLock(settings?.deskIdleLockMinutes ?? 5, !session.locked, lock);
  useAutoCheckOut(data?.shifts ?? [], (count) =>
    setToast({
      seq: ++toastSeq.current,
      tone: 'warning',
      action: null,
      message: t('desk.toast.autoCheckOut', { count }),
    }),
  );

  // The search box has the focus at all times: typing anywhere outside a dialog or a field goes to it.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (walkIn || leaving || session.locked) return;
      if (target?.closest('[role="dialog"], input, textarea, select')) return;
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) focusSearch();
      if (['F2', 'F4', 'F7', 'F9'].includes(event.key) || (event.ctrlKey && event.key.toLowerCase() === 'z')) {
        focusSearch();
        search.current?.dispatchEvent(new KeyboardEvent('keydown', event));
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [walkIn, leaving, session.locked, focusSearch]);

  function nameOf(result: DeskResult): string {
    return `${result.person.firstName} ${result.person.lastName}`.trim();
  }

  function done(next: Omit<Toast, 'seq'>, clear = true) {
    setToast({ ...next, seq: ++toastSeq.current });
    if (next.action) setLastAction(next.action);
    if (clear) {
      setQuery('');
      setActive(0);
    }
    focusSearch();
  }

  /** Says, as a warning, why the desk would not mark the person: already here, on the waiting list, cancelled, gone. */
  function refused(outcome: CheckInRefusal, name: string) {
    const message =
      outcome.reason === 'already_here'
        ? t('desk.toast.alreadyHere', { name, time: formatTime(outcome.since) })
        : t(`desk.toast.${outcome.reason === 'not_found' ? 'notFound' : outcome.reason}`, { name });
    done({ tone: 'warning', action: null, message });
  }

  async function run(work: () => Promise<void>) {
    // One action at a time: a scanner's Enter right after a keystroke must not check someone in twice.
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } finally {
      busy.current = false;
    }
  }

  function refusalText(decision: SignUpDecision): string {
    return decision.refusals.map((refusal) => t(refusal.code, { ns: 'domain' })).join(' ');
  }

  const checkIn = (result: DeskResult) =>
    run(async () => {
      const name = nameOf(result);
      if (!result.signUp) {
        if (!result.deskShift) return done({ tone: 'error', action: null, message: t('desk.toast.noShift') }, false);
        const walked = await repositories.checkins.walkIn({
          volunteerId: result.person.id,
          shiftId: result.deskShift.shift.id,
        });
        if (!walked.ok)
          return done(
            {
              tone: 'error',
              action: null,
              message: t('desk.toast.refused', { name, reasons: refusalText(walked.decision) }),
            },
            false,
          );
        if (!walked.action)
          return done({ tone: 'warning', action: null, message: t('desk.toast.walkInWaiting', { name }) });
        return done({
          tone: 'success',
          action: walked.action,
          message: t('desk.toast.walkIn', { name, time: formatTime(repositories.desk.now().toISOString()) }),
        });
      }
      const outcome = await repositories.checkins.checkIn(result.signUp.id);
      if (outcome.ok)
        return done({
          tone: 'success',
          action: outcome.action,
          message: t('desk.toast.checkedIn', { name, time: formatTime(outcome.at) }),
        });
      return refused(outcome, name);
    });

  const checkOut = (result: DeskResult) =>
    run(async () => {
      const name = nameOf(result);
      if (!result.signUp)
        return done({ tone: 'warning', action: null, message: t('desk.toast.notHere', { name }) }, false);
      const outcome = await repositories.checkins.checkOut(result.signUp.id);
      if (outcome.ok)
        return done({
          tone: 'success',
          action: outcome.action,
          message: t('desk.toast.checkedOut', { name, time: formatTime(outcome.at) }),
        });
      if (outcome.reason === 'already_left')
        return done({
          tone: 'warning',
          action: null,
          message: t('desk.toast.alreadyLeft', { name, time: formatTime(outcome.at) }),
        });
      return done({
        tone: 'warning',
        action: null,
        message: t(outcome.reason === 'not_here' ? 'desk.toast.notHere' : 'desk.toast.notFound', { name }),
      });
    });

  const noShow = (result: DeskResult) =>
    run(async () => {
      const name = nameOf(result);
      if (!result.signUp) return;
      const outcome = await repositories.checkins.markNoShow(result.signUp.id);
      if (outcome.ok)
        return done({ tone: 'success', action: outcome.action, message: t('desk.toast.noShow', { name }) });
      return refused(outcome, name);
    });

  const lateCancel = (result: DeskResult) =>
    run(async () => {
      const name = nameOf(result);
      if (!result.signUp) return;
      const outcome = await repositories.checkins.markLateCancellation(result.signUp.id);
      if (outcome.ok) {
        const said = t(outcome.late ? 'desk.toast.lateCancellation' : 'desk.toast.cancellation', { name });
        const promoted = outcome.promoted > 0 ? ` ${t('desk.toast.promoted', { count: outcome.promoted })}` : '';
        return done({ tone: 'success', action: outcome.action, message: said + promoted });
      }
      return refused(outcome, name);
    });

  const undo = () =>
    run(async () => {
      if (!lastAction) return done({ tone: 'warning', action: null, message: t('desk.toast.nothingToUndo') }, false);
      await repositories.checkins.undo(lastAction);
      setLastAction(null);
      done({ tone: 'success', action: null, message: t('desk.toast.undone') }, false);
    });

  /** The result an action key applies to: the selected one, or the first for what was just typed or scanned. */
  async function targetFor(typed: string): Promise<DeskResult | null> {
    const { list, current } = await resultsNow(typed);
    return list[current ? Math.min(active, list.length - 1) : 0] ?? null;
  }

  function onTarget(typed: string, act: (target: DeskResult) => unknown, otherwise?: () => void) {
    void targetFor(typed).then((target) => (target ? act(target) : otherwise?.()));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const typed = event.currentTarget.value;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => Math.max(0, Math.min(results.length - 1, index + step)));
    } else if (event.key === 'Enter' && !event.ctrlKey) {
      event.preventDefault();
      onTarget(typed, checkIn, () => typed.trim() && setWalkIn({ name: typed.trim() }));
    } else if (event.key === 'F2' || (event.key === 'Enter' && event.ctrlKey)) {
      event.preventDefault();
      onTarget(typed, checkOut);
    } else if (event.key === 'F4') {
      event.preventDefault();
      onTarget(typed, noShow);
    } else if (event.key === 'F7') {
      event.preventDefault();
      onTarget(typed, lateCancel);
    } else if (event.key === 'F9') {
      event.preventDefault();
      setWalkIn({ name: typed.trim() });
    } else if (event.ctrlKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      void undo();
    } else if (event.key === 'Escape') {
      setQuery('');
      setActive(0);
    }
  }

  if (session.locked) return <LockScreen session={session} />;

  const optionId = (result: DeskResult) => `desk-option-${result.id.replace(/[^\w-]/g, '-')}`;
  return (
    <section
      className={styles.desk}
      aria-labelledby="desk-title"
      data-desk-index={indexReady ? 'ready' : 'loading'}
      data-desk-index-size={people.state.size ?? undefined}
    >
      <header className={styles.top}>
        <div>
          <h1 id="desk-title" className={styles.title}>
            {t('desk.title')}
          </h1>
          <p className={styles.operator}>{t('desk.header.operator', { operator: session.operator })}</p>
          <ul className={styles.shiftList}>
            {(data?.shifts ?? []).map(({ shift, mission }) => (
              <li key={shift.id}>
                {t('desk.header.shift', {
                  mission: mission?.title ?? '',
                  date: formatShiftDate(shift.start, language),
                  time: formatTimeRange(shift.start, shift.end),
                })}{' '}
                <Link to={`/desk/sheet/${shift.id}`}>{t('desk.setup.sheet')}</Link>
              </li>
            ))}
          </ul>
        </div>
        <div className={styles.topActions}>
          <Button variant="secondary" onPress={() => void lock()}>
            {t('desk.header.lock')}
          </Button>
          <Button variant="secondary" onPress={() => setLeaving(true)}>
            {t('desk.header.leave')}
          </Button>
        </div>
      </header>

      {counters && (
        <dl className={styles.counters} aria-label={t('desk.counters.label')}>
          {(['signedUp', 'present', 'expected', 'onSite', 'walkIns'] as const).map((key) => (
            <div key={key} className={styles.counter} data-counter={key}>
              <dt>{t(`desk.counters.${key}`)}</dt>
              <dd>{counters[key]}</dd>
            </div>
          ))}
        </dl>
      )}

      <div className={styles.searchArea}>
        <label htmlFor="desk-search" className={styles.searchLabel}>
          {t('desk.search.label')}
        </label>
        <input
          id="desk-search"
          ref={search}
          className={styles.searchInput}
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls="desk-results"
          aria-autocomplete="list"
          aria-describedby="desk-keys"
          aria-activedescendant={selected ? optionId(selected) : undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p id="desk-keys" className={styles.keys}>
          {t('desk.search.keys')}
        </p>
      </div>

      <ul
        id="desk-results"
        role="listbox"
        aria-label={t('desk.search.results')}
        className={styles.results}
        data-desk-results-for={complete ? query : undefined}
      >
        {results.map((result) => (
          <li
            key={result.id}
            id={optionId(result)}
            role="option"
            aria-selected={result === selected}
            data-status={result.status}
            className={`${styles.result} ${result === selected ? styles.selected : ''}`}
            onClick={() => {
              setActive(results.indexOf(result));
              focusSearch();
            }}
          >
            <span className={styles.name}>{nameOf(result)}</span>
            <span className={styles.ref}>{result.person.ref}</span>
            <span className={`${styles.badge} ${styles[result.status]}`}>
              {t(`desk.status.${result.status}`, { time: result.time ? formatTime(result.time) : '' })}
            </span>
            {result.minorWithoutAuthorisation && (
              <span className={`${styles.badge} ${styles.minor}`}>
                {t('desk.status.minor')} —{' '}
                {result.person.guardianPhone
                  ? t('desk.status.guardian', { phone: formatPhone(result.person.guardianPhone) })
                  : t('desk.status.noGuardianPhone')}
              </span>
            )}
            {session.shiftIds.length > 1 && result.deskShift && (
              <span className={styles.shiftName}>
                {result.deskShift.mission?.title}{' '}
                {formatTimeRange(result.deskShift.shift.start, result.deskShift.shift.end)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {query.trim() === '' && <p className={styles.hint}>{t('desk.search.hint')}</p>}
      {query.trim() !== '' && results.length === 0 && <p className={styles.hint}>{t('desk.search.none')}</p>}
      {!indexReady && <p className={styles.hint}>{t('desk.search.loadingIndex')}</p>}

      <div className={styles.actionBar}>
        <Button isDisabled={!selected} onPress={() => selected && void checkIn(selected)}>
          {t('desk.actions.checkIn')}
        </Button>
        <Button variant="secondary" isDisabled={!selected?.signUp} onPress={() => selected && void checkOut(selected)}>
          {t('desk.actions.checkOut')}
        </Button>
        <Button variant="secondary" isDisabled={!selected?.signUp} onPress={() => selected && void noShow(selected)}>
          {t('desk.actions.noShow')}
        </Button>
        <Button
          variant="secondary"
          isDisabled={!selected?.signUp || selected.status === 'cancelled'}
          onPress={() => selected && void lateCancel(selected)}
        >
          {t('desk.actions.lateCancellation')}
        </Button>
        <Button variant="secondary" onPress={() => setWalkIn({ name: query.trim() })}>
          {t('desk.actions.walkIn')}
        </Button>
      </div>

      <div role="status" className={styles.toastRegion}>
        {toast && (
          <div
            className={`${styles.toast} ${styles[`toast_${toast.tone}`]}`}
            data-desk-toast={toast.seq}
            data-desk-action={toast.action ? `${toast.action.kind}:${toast.action.signUpId}` : undefined}
          >
            <span>{toast.message}</span>
            {lastAction && toast.action === lastAction && (
              <Button variant="secondary" onPress={() => void undo()}>
                {t('desk.actions.undo')}
              </Button>
            )}
          </div>
        )}
      </div>

      <section aria-label={t('desk.actions.presenceDefaultHelp')} className={styles.presenceDefault}>
        <p>{t('desk.actions.presenceDefaultHelp')}</p>
        {(data?.shifts ?? []).map(({ shift, mission }) => (
          <Checkbox
            key={shift.id}
            isSelected={session.presenceDefault.includes(shift.id)}
            onChange={(on) =>
              void run(async () => {
                const count = await repositories.checkins.setPresenceDefault(shift.id, on);
                await repositories.checkins.saveSession({
                  ...session,
                  presenceDefault: on
                    ? [...session.presenceDefault, shift.id]
                    : session.presenceDefault.filter((id) => id !== shift.id),
                });
                done(
                  {
                    tone: 'success',
                    action: null,
                    message: on ? t('desk.toast.presenceDefaultOn', { count }) : t('desk.toast.presenceDefaultOff'),
                  },
                  false,
                );
              })
            }
          >
            {t('desk.actions.presenceDefault', {
              shift: `${mission?.title ?? ''} ${formatTimeRange(shift.start, shift.end)}`,
            })}
          </Checkbox>
        ))}
      </section>

      {walkIn && (
        <WalkInDialog
          initialName={walkIn.name}
          shifts={data?.shifts ?? []}
          defaultShift={walkInShift}
          onClose={() => {
            setWalkIn(null);
            focusSearch();
          }}
          onDone={(message, action, tone) => {
            setWalkIn(null);
            done({ tone, action, message });
          }}
        />
      )}

      <ModalDialog
        title={t('desk.pin.leaveTitle')}
        isOpen={leaving}
        onOpenChange={(open) => {
          setLeaving(open);
          if (!open) focusSearch();
        }}
      >
        <PinForm
          submitLabel={t('desk.header.leave')}
          onValid={async () => {
            setLeaving(false);
            await repositories.checkins.endSession();
          }}
        />
      </ModalDialog>
    </section>
  );
}

/** The shift a walk-in joins: the first one running now, else the next to start, else the first chosen. */
function pickWalkInShift(shifts: readonly DeskShift[], now: number): DeskShift | null {
  const running = shifts.find((s) => Date.parse(s.shift.start) <= now && now < Date.parse(s.shift.end));
  const next = shifts.find((s) => Date.parse(s.shift.start) > now);
  return running ?? next ?? shifts[0] ?? null;
}

function LockScreen({ session }: { session: DeskSession }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  useEffect(() => {
    document.title = t('desk.pin.lockedTitle');
  }, [t]);
  return (
    <section className={styles.lock} aria-labelledby="lock-title">
      <h1 id="lock-title" className={styles.title}>
        {t('desk.pin.lockedTitle')}
      </h1>
      <p>{t('desk.pin.lockedIntro')}</p>
      <PinForm
        submitLabel={t('desk.pin.unlock')}
        onValid={() => repositories.checkins.saveSession({ ...session, locked: false })}
      />
    </section>
  );
}

/** Locks the desk after `minutes` without a key or a touch (product.md: "the app locks itself"). */
function useIdleLock(minutes: number, enabled: boolean, lock: () => unknown) {
  useEffect(() => {
    if (!enabled) return;
    let timer = window.setTimeout(lock, minutes * 60_000);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    events.forEach((name) => window.addEventListener(name, reset, { capture: true }));
    return () => {
      window.clearTimeout(timer);
      events.forEach((name) => window.removeEventListener(name, reset, { capture: true }));
    };
  }, [minutes, enabled, lock]);
}

/** At each chosen shift's end, those still checked in get the automatic check-out (checked every minute). */
function useAutoCheckOut(shifts: readonly DeskShift[], onClosed: (count: number) => void) {
  const { checkins } = useRepositories();
  const notify = useRef(onClosed);
  useEffect(() => {
    notify.current = onClosed;
  });
  const ids = shifts.map((s) => s.shift.id).join(',');
  useEffect(() => {
    if (!ids) return;
    async function sweep() {
      let total = 0;
      for (const id of ids.split(',')) total += await checkins.autoCheckOut(id);
      if (total > 0) notify.current(total);
    }
    void sweep();
    const timer = window.setInterval(() => void sweep(), 60_000);
    return () => window.clearInterval(timer);
  }, [checkins, ids]);
}
