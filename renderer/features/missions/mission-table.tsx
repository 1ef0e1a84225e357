import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Mission } from '../../../shared/domain/model';
import ui from '../../components/ui.module.css';
import styles from './missions.module.css';

/** Every row is one line high (cells do not wrap, see .row in missions.module.css): the spacers add up exactly. */
const ROW_HEIGHT = 41;

/**
 * The missions as a table that renders only the rows in view (product.md: any list stays at 60 fps; the city has
 * 2,000 missions). It stays a real <table>: rows out of view are replaced by two spacer rows, and every row carries
 * aria-rowindex with aria-rowcount on the table, so a screen reader still announces "row 12 of 2,001".
 */
export function MissionTable({ missions }: { missions: readonly Mission[] }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // We use no React Compiler: the rule only warns that TanStack Virtual's API cannot be auto-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: missions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // jsdom and a first paint have no layout: render the first screenful rather than nothing.
    initialRect: { width: 800, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <div ref={scroller} className={styles.tableScroller} role="region" aria-label={t('missions.listLabel')}>
      <table className={ui.table} aria-label={t('missions.listLabel')} aria-rowcount={missions.length + 1}>
        <thead className={styles.stickyHead}>
          <tr aria-rowindex={1}>
            <th scope="col">{t('missions.columns.title')}</th>
            <th scope="col">{t('missions.columns.category')}</th>
            <th scope="col">{t('missions.columns.place')}</th>
            <th scope="col">{t('missions.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" style={{ height: before }}>
              <td colSpan={4} className={styles.spacer} />
            </tr>
          )}
          {items.map((item) => {
            const mission = missions[item.index];
            if (!mission) return null;
            return (
              <tr key={mission.id} aria-rowindex={item.index + 2} className={styles.row} style={{ height: ROW_HEIGHT }}>
                <th scope="row">
                  <Link to={`/missions/${mission.id}`}>{mission.title}</Link>
                </th>
                <td>{t(`categories.${mission.category}`)}</td>
                <td>{[mission.placeName, mission.postcode].filter(Boolean).join(' · ')}</td>
                <td>{t(`missions.statuses.${mission.status}`)}</td>
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" style={{ height: after }}>
              <td colSpan={4} className={styles.spacer} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
