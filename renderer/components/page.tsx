import { useEffect, useRef, type ReactNode } from 'react';
import styles from './page.module.css';

/**
 * A screen: its title is the page's one <h1>, and focus moves to it on arrival so that keyboard and screen-reader
 * users know the screen changed (WCAG 2.4.2, 2.4.3). The document title follows.
 */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title;
    heading.current?.focus();
  }, [title]);
  return (
    <section className={styles.page} aria-labelledby="page-title">
      <header className={styles.header}>
        <h1 id="page-title" ref={heading} tabIndex={-1} className={styles.title}>
          {title}
        </h1>
        {actions}
      </header>
      {children}
    </section>
  );
}
