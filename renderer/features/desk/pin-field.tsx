import { TextField, type TextFieldProps } from '../../components/text-field';

/**
 * The coordinator's PIN: typed hidden, with the digits keyboard on a tablet. What a browser may do with it is the
 * caller's to say (`autoComplete`: off to check one, new-password to choose one).
 */
export function PinField(props: Omit<TextFieldProps, 'type' | 'inputMode'>) {
  return <TextField {...props} type="password" inputMode="numeric" />;
}
