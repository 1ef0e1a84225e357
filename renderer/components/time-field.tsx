import { parseTime, type Time } from '@internationalized/date';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { I18nProvider, TimeField as AriaTimeField } from 'react-aria-components';
import { useAppLocale } from '../lib/i18n/locale';
import styles from './field.module.css';
import { useIncompleteField } from './incomplete-segments';
import { SegmentedFieldParts, type SegmentedFieldProps } from './segmented-field-parts';

/** The time as `HH:mm` (24-hour clock): see SegmentedFieldProps. */
export type TimeFieldProps = SegmentedFieldProps;

/** `HH:mm` → a wall-clock time; anything else → an empty field. */
export function timeOf(value: string): Time | null {
  if (!/^\d{2}:\d{2}$/.test(value)) return null;
  try {
    return parseTime(value);
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A labelled wall-clock time, hours and minutes on a 24-hour clock in both languages. It is a time of day without a
 * date or a time zone: the form turns it into an instant in Paris (a time in the spring gap is refused there).
 */
export function TimeField({ label, value, onChange, description, errorMessage, ...props }: TimeFieldProps) {
  const locale = useAppLocale();
  const incomplete = useIncompleteField(value, onChange);
  const time = useMemo(() => timeOf(incomplete.fieldValue), [incomplete.fieldValue]);
  const { t } = useTranslation();
  // A partly typed time says so before any other error: the form's own check only saw an empty value.
  const shownError = incomplete.showMessage ? t('validation.incompleteTime') : errorMessage;
  return (
    <I18nProvider locale={locale}>
      <AriaTimeField
        {...props}
        value={time}
        onChange={(next) => incomplete.onFieldChange(next ? `${pad(next.hour)}:${pad(next.minute)}` : '')}
        isInvalid={Boolean(shownError)}
        onBlur={incomplete.onBlur}
        {...incomplete.rootProps}
        hourCycle={24}
        granularity="minute"
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
      </AriaTimeField>
    </I18nProvider>
  );
}
