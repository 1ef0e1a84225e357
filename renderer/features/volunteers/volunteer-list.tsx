import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPhone } from '../../../shared/domain/phone';
import type { StoredVolunteer } from '../../db/database';
import styles from './volunteers.module.css';

const ROW_HEIGHT = 56;

/**
 * A virtualised list (product.md: any list stays at 60 fps with 50,000 rows): only the visible rows are in the DOM.
 * Each row carries its position and the list's size so screen readers still announce "3 of 50,000" (ARIA 1.2
 * aria-setsize / aria-posinset). Memoised: the screen renders again when its count or skills arrive, which leave the
 * rows as they are.
 */
export const VolunteerList = memo(function VolunteerList({ volunteers }: { volunteers: StoredVolunteer[] }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // We use no React Compiler: the rule only warns that TanStack Virtual's API cannot be auto-memoised.
  const virtualizer = useVirtualizer({
    count: volunteers.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // jsdom and a first paint have no layout: render the first screenful rather than nothing.
    initialRect: { width: 800, height: 600 },
  });

  return (
    <div ref={scroller} className={styles.scroller} role="region" aria-label={t('volunteers.listLabel')}>
      <ul className={styles.list} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const volunteer = volunteers[item.index];
          if (!volunteer) return null;
          return (
            <VolunteerRow
              key={volunteer.id}
              volunteer={volunteer}
              position={item.index + 1}
              size={volunteers.length}
              top={item.start}
            />
          );
        })}
      </ul>
    </div>
  );
});

/**
 * One row, memoised: while scrolling, only the rows that enter the window render (the phone is formatted through
 * libphonenumber, too slow to redo for every visible row on every frame).
 */
const VolunteerRow = memo(function VolunteerRow({
  volunteer,
  position,
  size,
  top,
}: {
  volunteer: StoredVolunteer;
  position: number;
  size: number;
  top: number;
}) {
  return (
    <li
      className={styles.listRow}
      aria-setsize={size}
      aria-posinset={position}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      <Link to={`/volunteers/${volunteer.id}`}>
        {volunteer.lastName} {volunteer.firstName}
      </Link>
      <span className={styles.ref}>{volunteer.ref}</span>
      <span>{volunteer.email ?? ''}</span>
      <span>{volunteer.phone ? formatPhone(volunteer.phone) : ''}</span>
      <span>{volunteer.postcode ?? ''}</span>
    </li>
  );
});
