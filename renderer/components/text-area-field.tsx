import {
  FieldError,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps,
} from 'react-aria-components';
import styles from './field.module.css';

/** A labelled multi-line text field. */
export function TextAreaField({
  label,
  description,
  errorMessage,
  rows = 3,
  ...props
}: Omit<TextFieldProps, 'children'> & { label: string; description?: string; errorMessage?: string; rows?: number }) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(errorMessage)} className={styles.field}>
      <Label className={styles.label}>{label}</Label>
      <TextArea className={styles.input} rows={rows} />
      {description && (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      )}
      <FieldError className={styles.error}>{errorMessage}</FieldError>
    </AriaTextField>
  );
}
