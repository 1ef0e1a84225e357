import { useDeferredValue, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatHundredths, sumHundredths } from '../../../shared/domain/hours';
import { ATTENDANCE, type SignUp } from '../../../shared/domain/model';
import { Button } from '../../components/button';
import { FormDialog, ModalDialog } from '../../components/form-dialog';
import { Page } from '../../components/page';
import { SelectField } from '../../components/select-field';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useRoster, useSettings, useVolunteerSearch } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import type { RosterRow } from '../../db/repositories/signups-repository';
import { useDesktop } from '../../lib/desktop-context';
import { formatShiftDate, formatTime, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { CorrectHoursDialog } from './correct-hours-dialog';
import { SignUpDecisionPanel } from './sign-up-panel';
import styles from './planning.module.css';
import { CancellationFileOffer, cancellationFileDue, ShiftContactSection } from '../contact';

/** The roster of one shift (`/shifts/:shiftId`): sign people up, manage the waiting list, correct attendance. */
export function RosterPage() {
  const { shiftId } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const roster = useRoster(shiftId);
  const [notice, setNotice] = useState<string | null>(null);

  if (roster === undefined) return null;
  if (roster === null) {
    return (
      <Page title={t('roster.title')}>
        <StatusMessage tone="error">{t('roster.notFound')}</StatusMessage>
      </Page>
    );
  }
  const { shift, mission, fill, rows } = roster;
  const decimal = language === 'fr' ? ',' : '.';
  const hours = sumHundredths(
    rows.flatMap((row) =>
      row.attendance.statut_presence === 'present' ? [row.attendance.duree_effective_h ?? 0] : [],
    ),
  );
  const title = `${mission?.title ?? ''} — ${formatShiftDate(shift.start, language)} ${formatTimeRange(shift.start, shift.end)}`;
  const review = rows.filter((row) => row.needsReview !== null);
  const nameOfSignUp = (signUpId: string) => {
    const row = rows.find((candidate) => candidate.signUp.id === signUpId);
    return row ? nameOf(row) : '';
  };

  return (
    <Page
      title={title}
      actions={
        mission && (
          <Link to={`/missions/${mission.id}`} className={ui.secondaryLink}>
            {t('roster.backToMission')}
          </Link>
        )
      }
    >
      <p>
        {t('roster.summary', {
          confirmed: fill.confirmed,
          capacity: fill.capacity,
          waiting: fill.waiting,
          hours: formatHundredths(hours, decimal),
        })}
      </p>
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      <RosterFiles shiftId={shift.id} onDone={setNotice} />
      <ShiftContactSection shift={shift} mission={mission} />
      <AddVolunteer shiftId={shift.id} onDone={setNotice} />
      <table className={ui.table} aria-label={t('roster.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('roster.columns.name')}</th>
            <th scope="col">{t('roster.columns.status')}</th>
            <th scope="col">{t('roster.columns.attendance')}</th>
            <th scope="col">{t('roster.columns.arrival')}</th>
            <th scope="col">{t('roster.columns.departure')}</th>
            <th scope="col">{t('roster.columns.hours')}</th>
            <th scope="col">{t('roster.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <RosterTableRow
              key={row.signUp.id}
              row={row}
              shiftStart={shift.start}
              nameOfSignUp={nameOfSignUp}
              onNotice={setNotice}
            />
          ))}
        </tbody>
      </table>
      <section aria-labelledby="review-title" className={ui.section}>
        <h2 id="review-title">{t('roster.reviewTitle')}</h2>
        {review.length === 0 ? (
          <p>{t('roster.reviewEmpty')}</p>
        ) : (
          <ul>
            {review.map((row) => (
              <li key={row.signUp.id}>
                {nameOf(row)} — {t(`roster.review.${row.needsReview ?? 'open_check_in'}`)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

/** The roster as the city's participations CSV, and the shift as an iCalendar event. */
function RosterFiles({ shiftId, onDone }: { shiftId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { exports } = useRepositories();
  const desktop = useDesktop();
  const settings = useSettings();
  async function save(suggestedName: string, extension: string, data: Uint8Array<ArrayBuffer>) {
    const result = await desktop.save({
      suggestedName,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      data,
    });
    if (result.status === 'saved') onDone(t('roster.downloaded', { file: result.fileName || suggestedName }));
  }
  return (
    <div className={ui.actions} style={{ justifyContent: 'flex-start', marginBottom: '1rem' }}>
      <Button
        variant="secondary"
        isDisabled={!settings}
        onPress={async () => {
          if (!settings) return;
          const roster = await exports.shiftRoster(shiftId, settings);
          await save(roster.fileName, 'csv', roster.data);
        }}
      >
        {t('roster.downloadRoster')}
      </Button>
      <Button
        variant="secondary"
        onPress={async () => {
          const data = await exports.shiftCalendar(shiftId);
          if (data) await save(`creneau-${shiftId}.ics`, 'ics', data);
        }}
      >
        {t('roster.downloadCalendar')}
      </Button>
    </div>
  );
}

function nameOf(row: RosterRow): string {
  return row.volunteer ? `${row.volunteer.firstName} ${row.volunteer.lastName}`.trim() : '';
}

function AddVolunteer({ shiftId, onDone }: { shiftId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useVolunteerSearch(deferred, {}, 8);
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  return (
    <section aria-labelledby="add-title" className={styles.add}>
      <h2 id="add-title">{t('roster.add')}</h2>
      <SearchField
        value={query}
        onChange={(value) => {
          setQuery(value);
          setChosen(null);
        }}
        className={styles.search}
      >
        <Label>{t('roster.searchLabel')}</Label>
        <Input className={styles.searchInput} />
      </SearchField>
      {deferred.trim() !== '' && results && !chosen && (
        <ul aria-label={t('roster.resultsLabel')} className={styles.results}>
          {results.map((volunteer) => {
            const name = `${volunteer.firstName} ${volunteer.lastName}`.trim();
            return (
              <li key={volunteer.id}>
                <Button
                  variant="secondary"
                  aria-label={t('roster.choose', { name })}
                  onPress={() => setChosen({ id: volunteer.id, name })}
                >
                  {name} · {volunteer.ref}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {chosen && (
        <SignUpDecisionPanel
          volunteerId={chosen.id}
          volunteerName={chosen.name}
          shiftId={shiftId}
          onDone={(message) => {
            onDone(message);
            setChosen(null);
            setQuery('');
          }}
        />
      )}
    </section>
  );
}

function RosterTableRow({
  row,
  shiftStart,
  nameOfSignUp,
  onNotice,
}: {
  row: RosterRow;
  shiftStart: string;
  nameOfSignUp: (signUpId: string) => string;
  onNotice: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { signUps } = useRepositories();
  const name = nameOf(row);
  const { signUp, attendance } = row;
  const status =
    signUp.status === 'waiting'
      ? t('roster.status.waiting', { position: row.waitingPosition ?? 0 })
      : signUp.status === 'cancelled'
        ? t(row.lateCancellation ? 'roster.status.cancelledLate' : 'roster.status.cancelled')
        : t(signUp.toConfirm ? 'roster.status.toConfirm' : 'roster.status.signed_up');
  const hours =
    attendance.duree_effective_h === null
      ? ''
      : `${formatHundredths(attendance.duree_effective_h, language === 'fr' ? ',' : '.')} h${attendance.methode_duree ? ` (${t(`roster.method.${attendance.methode_duree}`)})` : ''}`;
  return (
    <tr>
      <th scope="row">{row.volunteer ? <Link to={`/volunteers/${row.volunteer.id}`}>{name}</Link> : name}</th>
      <td>{status}</td>
      <td>
        {signUp.status === 'signed_up' ? (
          <SelectField<SignUp['attendance']>
            label={t('roster.markAttendance', { name })}
            hideLabel
            value={signUp.attendance}
            onChange={(value) => void signUps.setAttendance(signUp.id, value)}
            options={ATTENDANCE.map((id) => ({ id, label: t(`roster.attendanceChoice.${id}`) }))}
          />
        ) : (
          t(`roster.presence.${attendance.statut_presence}`)
        )}
      </td>
      <td>{attendance.pointage_arrivee ? formatTime(attendance.pointage_arrivee) : ''}</td>
      <td>{attendance.pointage_depart ? formatTime(attendance.pointage_depart) : ''}</td>
      <td>{hours}</td>
      <td>
        <div className={ui.rowActions}>
          {signUp.status === 'signed_up' && signUp.toConfirm && (
            <Button
              variant="secondary"
              aria-label={t('roster.confirmOf', { name })}
              onPress={() => void signUps.confirm(signUp.id)}
            >
              {t('roster.confirm')}
            </Button>
          )}
          {signUp.status === 'waiting' && (
            <Button
              variant="secondary"
              aria-label={t('roster.promoteOf', { name })}
              onPress={() => void signUps.promote(signUp.id)}
            >
              {t('roster.promote')}
            </Button>
          )}
          {signUp.status === 'signed_up' && (
            <CorrectHoursDialog row={row} shiftStart={shiftStart} name={name} onSaved={onNotice} />
          )}
          {/* Mounted once cancelled too: its dialog may stay open to offer the cancellation .ics. */}
          <CancelDialog signUp={signUp} name={name} nameOfSignUp={nameOfSignUp} onNotice={onNotice} />
        </div>
      </td>
    </tr>
  );
}

function CancelDialog({
  signUp,
  name,
  nameOfSignUp,
  onNotice,
}: {
  signUp: SignUp;
  name: string;
  nameOfSignUp: (signUpId: string) => string;
  onNotice: (message: string) => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  // Once cancelled, someone who was sent an invitation still has the shift in their calendar: the dialog stays open
  // on the cancellation .ics, where the coordinator already is, instead of sending them to the contact section.
  const [offerFile, setOfferFile] = useState(false);
  const onOpenChange = (open: boolean) => {
    setOpen(open);
    if (!open) setOfferFile(false);
  };
  return (
    <>
      {signUp.status !== 'cancelled' && (
        <Button variant="secondary" aria-label={t('roster.cancelOf', { name })} onPress={() => setOpen(true)}>
          {t('roster.cancel')}
        </Button>
      )}
      {offerFile ? (
        <ModalDialog title={t('contact.calendar.cancelledTitle', { name })} isOpen={isOpen} onOpenChange={onOpenChange}>
          <CancellationFileOffer shiftId={signUp.shiftId} signUpId={signUp.id} name={name} />
          <div className={ui.actions}>
            <Button variant="secondary" slot="close">
              {t('contact.calendar.close')}
            </Button>
          </div>
        </ModalDialog>
      ) : (
        <FormDialog
          title={t('roster.cancelOf', { name })}
          isOpen={isOpen}
          onOpenChange={onOpenChange}
          onSubmit={async () => {
            if (!reason.trim()) return setError(t('roster.errors.reasonRequired'));
            const { promoted } = await repositories.signUps.cancel(signUp.id, reason);
            if (await cancellationFileDue(repositories.contact, signUp.shiftId, signUp.id)) setOfferFile(true);
            else setOpen(false);
            if (promoted.length === 0) return onNotice(t('roster.cancelled'));
            // The promoted people were on this roster's waiting list: their names are already known.
            const names = promoted.map(nameOfSignUp).join(', ');
            onNotice(`${t('roster.cancelled')} ${t('roster.promotedNotice', { names })}`);
          }}
          submitLabel={t('roster.cancel')}
          submitVariant="danger"
        >
          <TextField label={t('roster.cancelReason')} value={reason} onChange={setReason} errorMessage={error} />
        </FormDialog>
      )}
    </>
  );
}
