import { parseDate, type CalendarDate } from '@internationalized/date';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { I18nProvider, DateField as AriaDateField } from 'react-aria-components';
import { useAppLocale } from '../lib/i18n/locale';
import styles from './field.module.css';
import { useIncompleteField } from './incomplete-segments';
import { SegmentedFieldParts, type SegmentedFieldProps } from './segmented-field-parts';

/** The date as `yyyy-MM-dd`: see SegmentedFieldProps. */
export type DateFieldProps = SegmentedFieldProps;

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
  const incomplete = useIncompleteField(value, onChange);
  const date = useMemo(() => calendarDateOf(incomplete.fieldValue), [incomplete.fieldValue]);
  const { t } = useTranslation();
  // A partly typed date says so before any other error: the form's own check only saw an empty value.
  const shownError = incomplete.showMessage ? t('validation.incompleteDate') : errorMessage;
  return (
    <I18nProvider locale={locale}>
      <AriaDateField
        {...props}
        value={date}
        onChange={(next) => incomplete.onFieldChange(next ? next.toString() : '')}
        isInvalid={Boolean(shownError)}
        onBlur={incomplete.onBlur}
        {...incomplete.rootProps}
        shouldForceLeadingZeros
        className={styles.field}
      >
        {({ state }) => (
          <SegmentedFieldParts
            label={label}
            segments={state.segments}
            description={description}
            error={shownError}
            onIncompleteChange={incomplete.onIncompleteChange}
          />
        )}
      </AriaDateField>
    </I18nProvider>
  );
}
