import { parseDate, type CalendarDate } from '@internationalized/date';
import { useMemo } from 'react';
import {
  DateInput,
  DateSegment,
  FieldError,
  I18nProvider,
  Label,
  Text,
  DateField as AriaDateField,
} from 'react-aria-components';
import { useAppLocale } from '../lib/i18n/locale';
import styles from './field.module.css';
import segments from './date-field.module.css';

export interface DateFieldProps {
  label: string;
  /** The date as `yyyy-MM-dd`, or '' while the field is empty or not complete. */
  value: string;
  onChange: (value: string) => void;
  description?: string | undefined;
  /** An error found by the form's own validation; shown under the field and announced. */
  errorMessage?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean;
  /** The name of the hidden input that carries the value in a form. */
  name?: string;
}

/** `yyyy-MM-dd` → a calendar date; anything else (an empty or partial value) → an empty field. */
export function calendarDateOf(value: string): CalendarDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/**
 * A labelled date typed as day, month and year segments in the app's language (dd/mm/yyyy in French and in English),
 * not in the system's, as a native date input would. Each segment is a spin button: digits, arrows, Backspace.
 */
export function DateField({ label, value, onChange, description, errorMessage, ...props }: DateFieldProps) {
  const locale = useAppLocale();
  const date = useMemo(() => calendarDateOf(value), [value]);
  return (
    <I18nProvider locale={locale}>
      <AriaDateField
        {...props}
        value={date}
        onChange={(next) => onChange(next ? next.toString() : '')}
        isInvalid={Boolean(errorMessage)}
        shouldForceLeadingZeros
        className={styles.field}
      >
        <Label className={styles.label}>{label}</Label>
        <DateInput className={`${styles.input} ${segments.dateInput} ${date ? '' : segments.empty}`}>
          {(segment) => <DateSegment segment={segment} className={segments.segment} />}
        </DateInput>
        {description && (
          <Text slot="description" className={styles.description}>
            {description}
          </Text>
        )}
        <FieldError className={styles.error}>{errorMessage}</FieldError>
      </AriaDateField>
    </I18nProvider>
  );
}
