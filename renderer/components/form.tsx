import { Form as AriaForm, type FormProps } from 'react-aria-components';

/**
 * Every form of the app validates in JavaScript and shows its errors through ARIA (WCAG 3.3.1). React Aria's default,
 * native validation, would turn an error we display into the browser's own constraint — and block the next submit
 * until the field changes — so the behaviour is fixed here, once.
 */
export function Form(props: Omit<FormProps, 'validationBehavior'>) {
  return <AriaForm {...props} validationBehavior="aria" />;
}
