import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Mission } from '../../../shared/domain/model';
import { Button } from '../../components/button';
import { DialogActions, ModalDialog } from '../../components/form-dialog';
import { StatusMessage } from '../../components/status-message';
import { useShiftsOfMission } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { ShiftHasSignUpsError } from '../../db/repositories/shifts-repository';
import { formatDurationHours, formatShiftDate, formatTimeRange } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { ShiftDialog } from './shift-dialog';
import { RecurringShiftsDialog } from './recurring-shifts-dialog';
import styles from './missions.module.css';
import ui from '../../components/ui.module.css';

type Notice = { message: string; undo?: string[] };

/** A mission's shifts with their fill; add one or a recurring series; delete (confirmed if people are signed up) and undo. */
export function ShiftsSection({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { shifts } = useRepositories();
  const list = useShiftsOfMission(mission.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<{ ids: string[]; count: number } | null>(null);

  async function remove(ids: string[], confirmed: boolean) {
    try {
      const removed = await shifts.remove(ids, { confirmed });
      setPending(null);
      setNotice({ message: t('shifts.deleted', { count: removed.length }), undo: removed.map((shift) => shift.id) });
    } catch (error) {
      if (error instanceof ShiftHasSignUpsError) setPending({ ids, count: error.signUpCount });
      else throw error;
    }
  }

  return (
    <section aria-labelledby="shifts-title" className={styles.shifts}>
      <div className={ui.sectionHeader}>
        <h2 id="shifts-title">{t('shifts.title')}</h2>
        <div className={ui.actions}>
          <ShiftDialog
            missionId={mission.id}
            triggerLabel={t('shifts.add')}
            onSaved={(message) => setNotice({ message })}
          />
          <RecurringShiftsDialog missionId={mission.id} onCreated={(message) => setNotice({ message })} />
        </div>
      </div>
      {notice && (
        <StatusMessage tone="success">
          {notice.message}{' '}
          {notice.undo && (
            <Button
              variant="secondary"
              onPress={async () => {
                await shifts.restore(notice.undo ?? []);
                setNotice({ message: t('shifts.restored') });
              }}
            >
              {t('shifts.undo')}
            </Button>
          )}
        </StatusMessage>
      )}
      {list && list.length === 0 && <p>{t('shifts.empty')}</p>}
      {list && list.length > 0 && (
        <table className={ui.table} aria-label={t('shifts.listLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('shifts.columns.date')}</th>
              <th scope="col">{t('shifts.columns.time')}</th>
              <th scope="col">{t('shifts.columns.duration')}</th>
              <th scope="col">{t('shifts.columns.fill')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('shifts.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((shift) => {
              const date = formatShiftDate(shift.start, language);
              return (
                <tr key={shift.id}>
                  <th scope="row">
                    <Link to={`/shifts/${shift.id}`}>{date}</Link>
                  </th>
                  <td>{formatTimeRange(shift.start, shift.end)}</td>
                  <td>{t('shifts.duration', { hours: formatDurationHours(shift.start, shift.end, language) })}</td>
                  <td>
                    {t('shifts.fill', {
                      confirmed: shift.fill.confirmed,
                      capacity: shift.capacity,
                      percent: shift.fill.fillPercent ?? 0,
                    })}
                    {shift.fill.waiting > 0 && ` · ${t('shifts.waiting', { count: shift.fill.waiting })}`}
                    {shift.fill.roles.length > 0 &&
                      ` · ${t('shifts.needs', {
                        needs: shift.fill.roles
                          .map((need) => `${t(`shifts.roles.${need.role}`)} ${need.filled}/${need.needed}`)
                          .join(', '),
                      })}`}
                  </td>
                  <td>
                    <div className={ui.rowActions}>
                      <ShiftDialog
                        missionId={mission.id}
                        shift={shift}
                        triggerLabel={t('shifts.edit')}
                        triggerAriaLabel={t('shifts.editShift', { date })}
                        onSaved={(message) => setNotice({ message })}
                      />
                      <Button
                        variant="secondary"
                        aria-label={t('shifts.deleteShift', { date })}
                        onPress={() => remove([shift.id], false)}
                      >
                        {t('shifts.delete')}
                      </Button>
                      {shift.seriesId && (
                        <Button
                          variant="secondary"
                          onPress={async () => remove(await shifts.seriesShiftIds(shift.seriesId ?? ''), false)}
                        >
                          {t('shifts.deleteSeries')}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ModalDialog
        title={t('shifts.confirmDeleteTitle')}
        role="alertdialog"
        isOpen={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        isDismissable={false}
      >
        <p>{t('shifts.confirmDelete', { count: pending?.count ?? 0 })}</p>
        <DialogActions>
          <Button variant="danger" onPress={() => pending && remove(pending.ids, true)}>
            {t('shifts.confirm')}
          </Button>
        </DialogActions>
      </ModalDialog>
    </section>
  );
}
