import {
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  type Key,
} from 'react-aria-components';
import styles from './field.module.css';

export interface SelectFieldProps<K extends string> {
  label: string;
  options: ReadonlyArray<{ id: K; label: string }>;
  /** `null` shows the placeholder: the user has not chosen yet. */
  value: K | null;
  onChange: (value: K) => void;
  name?: string;
  placeholder?: string;
  errorMessage?: string | undefined;
  /** In a table row the column header says it: the label is for screen readers only. */
  hideLabel?: boolean;
}

/** React Aria's select: a listbox popover with type-ahead and arrow keys (WAI-ARIA APG "Select-only combobox"). */
export function SelectField<K extends string>({
  label,
  options,
  value,
  onChange,
  name,
  placeholder,
  errorMessage,
  hideLabel = false,
}: SelectFieldProps<K>) {
  return (
    <Select
      className={styles.field}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => {
        if (key !== null) onChange(String(key) as K);
      }}
      name={name}
      placeholder={placeholder}
      isInvalid={Boolean(errorMessage)}
    >
      <Label className={hideLabel ? 'visually-hidden' : styles.label}>{label}</Label>
      <Button className={styles.selectButton}>
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError className={styles.error}>{errorMessage}</FieldError>
      <Popover className={styles.popover}>
        <ListBox className={styles.listBox}>
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id} className={styles.option}>
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
