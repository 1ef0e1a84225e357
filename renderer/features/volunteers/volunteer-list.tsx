import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { quickFormatPhone } from '../../../shared/domain/phone-quick';
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
  // We use no React Compiler: the rule only warns that TanStack Virtual's API cannot be auto-memoised (the rows are
  // memoised by hand below).
  // eslint-disable-next-line react-hooks/incompatible-library
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

/** One row, memoised: while scrolling, only the rows that enter the window render. */
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
      <span>{volunteer.phone ? <PhoneText phone={volunteer.phone} /> : ''}</span>
      <span>{volunteer.postcode ?? ''}</span>
    </li>
  );
});

/** formatPhone from libphonenumber, once a row has needed it (shared by every row that comes after). */
let libraryFormat: ((e164: string) => string) | undefined;

/**
 * A stored phone exactly as formatPhone shows it. This list is the landing screen: every number the app normalised
 * is formatted without libphonenumber (shared/domain/phone-quick.ts), whose metadata stays out of the start-up chunks
 * (issue #12). A number of another shape (only in data from elsewhere) is shown as stored for the moment the library
 * takes to load, then formatted.
 */
function PhoneText({ phone }: { phone: string }) {
  const quick = quickFormatPhone(phone) ?? libraryFormat?.(phone) ?? null;
  const [loaded, setLoaded] = useState<{ readonly phone: string; readonly text: string } | null>(null);
  useEffect(() => {
    if (quick !== null) return;
    let current = true;
    void import('../../../shared/domain/phone').then(({ formatPhone }) => {
      libraryFormat = formatPhone;
      if (current) setLoaded({ phone, text: formatPhone(phone) });
    });
    return () => {
      current = false;
    };
  }, [phone, quick]);
  return quick ?? (loaded?.phone === phone ? loaded.text : phone);
}
