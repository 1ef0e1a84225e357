import { Form as AriaForm, type FormProps } from 'react-aria-components';
import { IncompleteGuard, useIncompleteGuard } from './incomplete-segments';

/**
 * Every form of the app validates in JavaScript and shows its errors through ARIA (WCAG 3.3.1). React Aria's default,
 * native validation, would turn an error we display into the browser's own constraint — and block the next submit
 * until the field changes — so the behaviour is fixed here, once.
 *
 * A partly typed date or time has no value the form's own validation could see, so the refusal is made here, before
 * `onSubmit`, for every form at once: the submit is stopped, focus goes to the first incomplete field and each one
 * shows its message (incomplete-segments.tsx).
 */
export function Form({ onSubmit, ...props }: Omit<FormProps, 'validationBehavior'>) {
  const guard = useIncompleteGuard();
  return (
    <IncompleteGuard guard={guard} bare>
      <AriaForm
        {...props}
        validationBehavior="aria"
        onSubmit={(event) => {
          if (guard.refuse(event.currentTarget)) {
            event.preventDefault();
            return;
          }
          onSubmit?.(event);
        }}
      />
    </IncompleteGuard>
  );
}
