import type { FormEvent, ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button, type ButtonProps } from './button';
import { Form } from './form';
import { StatusMessage } from './status-message';
import ui from './ui.module.css';

export interface ModalDialogProps {
  title: ReactNode;
  /**
   * Left out inside a React Aria DialogTrigger, whose button opens it; given for a dialog the screen opens itself
   * (then `onOpenChange(false)` is how Escape, a click outside and Cancel close it).
   */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** A click outside closes it, as Escape does; off for a question that must be answered. */
  isDismissable?: boolean;
  wide?: boolean;
  /** Extra class for the modal box (a feature's own width). */
  modalClassName?: string;
  /** `alertdialog` for a confirmation that interrupts (WAI-ARIA). */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

/**
 * The one modal shell of the app: overlay, modal box, dialog and its title as the accessible name. React Aria moves
 * focus in, keeps it there and gives it back on close (WCAG 2.4.3); Escape closes it.
 */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  isDismissable = true,
  wide = false,
  modalClassName,
  role,
  children,
}: ModalDialogProps) {
  const modalClass = [ui.modal, wide ? ui.wideModal : null, modalClassName].filter(Boolean).join(' ');
  return (
    <ModalOverlay className={ui.overlay} isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable}>
      <Modal className={modalClass}>
        <Dialog role={role} className={ui.dialog}>
          <Heading slot="title" className={ui.dialogTitle}>
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/**
 * The row that ends a dialog: Cancel (which closes it through the dialog's own close slot, so Escape and Cancel do
 * the same) and the dialog's confirming buttons after it.
 */
export function DialogActions({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={ui.actions}>
      <Button variant="secondary" slot="close">
        {t('common.cancel')}
      </Button>
      {children}
    </div>
  );
}

export interface FormDialogProps extends Omit<ModalDialogProps, 'children'> {
  /** What the dialog says before its fields (an explanation, a list of what will happen). */
  intro?: ReactNode;
  /** Called with the default submit already prevented: the form never reloads the page. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => unknown;
  submitLabel: ReactNode;
  submitVariant?: ButtonProps['variant'];
  isSubmitDisabled?: boolean;
  /** Why the last attempt failed as a whole (a field's own error belongs to that field). */
  error?: string | null;
  formClassName?: string;
  /** The form's fields. */
  children: ReactNode;
}

/** A modal dialog holding one form: its title, the fields, an error message, then Cancel and the submit button. */
export function FormDialog({
  intro,
  onSubmit,
  submitLabel,
  submitVariant,
  isSubmitDisabled,
  error,
  formClassName,
  children,
  ...dialog
}: FormDialogProps) {
  return (
    <ModalDialog {...dialog}>
      {intro}
      <Form
        className={formClassName}
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit(event);
        }}
      >
        {children}
        {error && <StatusMessage tone="error">{error}</StatusMessage>}
        <DialogActions>
          <Button type="submit" variant={submitVariant} isDisabled={isSubmitDisabled}>
            {submitLabel}
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  );
}
