import { DateInput, DateSegment, FieldError, Label, Text } from 'react-aria-components';
import styles from './field.module.css';
import segmentStyles from './date-field.module.css';
import { IncompleteReporter, segmentsEmpty } from './incomplete-segments';

type Segments = Parameters<typeof segmentsEmpty>[0];

/**
 * The props a date field and a time field share. `value` is the field's text form (`yyyy-MM-dd` or `HH:mm`), or ''
 * while it is empty or partly typed: a partly typed field reports '' (what is typed stays on screen), says it is
 * incomplete, and the app's Form (or a screen's IncompleteGuard) refuses its action.
 */
export interface SegmentedFieldProps {
  label: string;
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

/**
 * What a date field and a time field show inside React Aria's field, the same for both: the label, the segments
 * (muted while none is typed), the description, the error, and the report of a partly typed value (incomplete).
 */
export function SegmentedFieldParts({
  label,
  segments,
  description,
  error,
  onIncompleteChange,
}: {
  label: string;
  segments: Segments;
  description: string | undefined;
  error: string | undefined;
  onIncompleteChange: (incomplete: boolean, shown: string | null) => void;
}) {
  return (
    <>
      <Label className={styles.label}>{label}</Label>
      <DateInput
        className={`${styles.input} ${segmentStyles.dateInput} ${segmentsEmpty(segments) ? segmentStyles.empty : ''}`}
      >
        {(segment) => <DateSegment segment={segment} className={segmentStyles.segment} />}
      </DateInput>
      {description && (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      )}
      <FieldError className={styles.error}>{error}</FieldError>
      <IncompleteReporter segments={segments} onChange={onIncompleteChange} />
    </>
  );
}
