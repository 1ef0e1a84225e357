import { Checkbox as AriaCheckbox, type CheckboxProps } from 'react-aria-components';
import styles from './checkbox.module.css';

/** React Aria's checkbox with a visible box and a 44 px target (WCAG 2.5.5). */
export function Checkbox({ children, ...props }: CheckboxProps & { children: React.ReactNode }) {
  return (
    <AriaCheckbox {...props} className={styles.checkbox}>
      <span className={styles.box} aria-hidden="true" />
      {children}
    </AriaCheckbox>
  );
}
