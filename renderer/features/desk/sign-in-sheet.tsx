import JsBarcode from 'jsbarcode';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isMinorAt } from '../../../shared/domain/age';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { formatPhone } from '../../../shared/domain/phone';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import ui from '../../components/ui.module.css';
import { useRoster } from '../../db/hooks';
import { useRepositories } from '../../db/repositories-context';
import { formatShiftDate, formatTimeRange } from '../../lib/format';
import { useDesktop } from '../../lib/desktop-context';
import { useLanguage } from '../../lib/use-language';
import styles from './sheet.module.css';

const BLANK_ROWS = 5;

/**
 * The printable sign-in sheet of one shift (`/desk/sheet/:shiftId`), for the day the laptop dies: one A4 row per
 * person signed up — name, reference as text and Code 128 barcode, tick box, arrival, departure, signature, and the
 * guardian's phone for minors — then blank rows for walk-ins. Printed through the shell (PDF) or the browser.
 */
export function SignInSheetPage() {
  const { shiftId } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const desktop = useDesktop();
  const repositories = useRepositories();
  const roster = useRoster(shiftId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('desk.sheet.title');
    heading.current?.focus();
  }, [t]);
  if (roster === undefined) return null;
  if (roster === null) return <StatusMessage tone="error">{t('desk.sheet.notFound')}</StatusMessage>;
  const { shift, mission } = roster;
  const day = parisLocalDate(shift.start);
  const rows = roster.rows.filter((row) => row.signUp.status === 'signed_up' && row.volunteer);
  const title = t('desk.sheet.heading', {
    mission: mission?.title ?? '',
    date: formatShiftDate(shift.start, language),
    time: formatTimeRange(shift.start, shift.end),
  });
  return (
    <article className={styles.sheet} aria-labelledby="sheet-title" data-sign-in-sheet>
      <div className={styles.screenOnly}>
        <Link to="/desk" className={ui.secondaryLink}>
          {t('desk.sheet.back')}
        </Link>
        <Button
          onPress={() =>
            void desktop.savePdf({ suggestedName: `emargement-${day}-${shift.id.slice(0, 8)}.pdf`, landscape: false })
          }
        >
          {t('desk.sheet.print')}
        </Button>
      </div>
      <h1 id="sheet-title" ref={heading} tabIndex={-1} className={styles.title}>
        {t('desk.sheet.title')} — {title}
      </h1>
      {mission?.placeName && <p>{t('desk.sheet.place', { place: mission.placeName })}</p>}
      <table className={styles.table} aria-label={t('desk.sheet.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('desk.sheet.columns.name')}</th>
            <th scope="col">{t('desk.sheet.columns.reference')}</th>
            <th scope="col">{t('desk.sheet.columns.tick')}</th>
            <th scope="col">{t('desk.sheet.columns.arrival')}</th>
            <th scope="col">{t('desk.sheet.columns.departure')}</th>
            <th scope="col">{t('desk.sheet.columns.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ signUp, volunteer }) => {
            if (!volunteer) return null;
            const minor = isMinorAt(volunteer, day);
            return (
              <tr key={signUp.id} data-sheet-row>
                <th scope="row">
                  {volunteer.lastName.toLocaleUpperCase('fr')} {volunteer.firstName}
                  {minor && (
                    <span className={styles.minor}>
                      {t('desk.sheet.minor', {
                        phone: volunteer.guardianPhone ? formatPhone(volunteer.guardianPhone) : '—',
                      })}
                    </span>
                  )}
                </th>
                <td>
                  <span className={styles.ref}>{volunteer.ref}</span>
                  <Barcode value={volunteer.ref} />
                </td>
                <td>
                  <span className={styles.tickBox} role="img" aria-label={t('desk.sheet.tickLabel')} />
                </td>
                <td className={styles.writeIn} />
                <td className={styles.writeIn} />
                <td className={styles.signature} />
              </tr>
            );
          })}
          {Array.from({ length: BLANK_ROWS }, (_, index) => (
            <tr key={`blank-${index}`} aria-label={t('desk.sheet.blankRows')}>
              <td className={styles.writeIn} />
              <td />
              <td>
                <span className={styles.tickBox} role="img" aria-label={t('desk.sheet.tickLabel')} />
              </td>
              <td className={styles.writeIn} />
              <td className={styles.writeIn} />
              <td className={styles.signature} />
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.footer}>
        {t('desk.sheet.footer', { date: formatShiftDate(repositories.desk.now().toISOString(), language) })}
      </p>
    </article>
  );
}

/** Code 128, as on the volunteer's card: any desk scanner reads it back into the search box. */
function Barcode({ value }: { value: string }) {
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (svg.current)
      JsBarcode(svg.current, value, { format: 'CODE128', displayValue: false, height: 28, margin: 0, width: 1.2 });
  }, [value]);
  return <svg ref={svg} aria-hidden="true" className={styles.barcode} />;
}
