import type { ReactNode } from 'react';
import styles from './status-message.module.css';

/**
 * A message announced by screen readers without moving focus (WCAG 4.1.3): `status` for confirmations, `alert` for
 * errors that block the user.
 */
export function StatusMessage({
  tone,
  children,
}: {
  tone: 'success' | 'error' | 'info' | 'warning';
  children: ReactNode;
}) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`${styles.message} ${styles[tone]}`}>
      {children}
    </div>
  );
}
