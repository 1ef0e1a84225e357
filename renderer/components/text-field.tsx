import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';
import styles from './field.module.css';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  description?: string;
  /** An error found by the form's own validation; shown under the field and announced. */
  errorMessage?: string | undefined;
  /** A non-blocking warning (e.g. a non-ASCII e-mail): shown, not an error. */
  warning?: string | undefined;
}

/** A labelled text field; label, description and error are linked for assistive technology (WCAG 1.3.1, 3.3.1). */
export function TextField({ label, description, errorMessage, warning, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} isInvalid={Boolean(errorMessage) || props.isInvalid} className={styles.field}>
      <Label className={styles.label}>{label}</Label>
      <Input className={styles.input} />
      {description && (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      )}
      {warning && !errorMessage && (
        <Text slot="description" className={styles.warning}>
          {warning}
        </Text>
      )}
      <FieldError className={styles.error}>{errorMessage}</FieldError>
    </AriaTextField>
  );
}
