import { DateInput, DateSegment, FieldError, Label, Text } from 'react-aria-components';
import styles from './field.module.css';
import segmentStyles from './date-field.module.css';
import { IncompleteReporter, segmentsEmpty } from './incomplete-segments';

type Segments = Parameters<typeof segmentsEmpty>[0];

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
  onIncompleteChange: (incomplete: boolean) => void;
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
