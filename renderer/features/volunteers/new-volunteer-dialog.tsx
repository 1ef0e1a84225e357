import { useState, type FormEvent } from 'react';
import { Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { useRepositories } from '../../db/repositories-context';
import {
  EMPTY_VOLUNTEER_DRAFT,
  validateVolunteerDraft,
  type VolunteerDraft,
  type VolunteerErrors,
} from './validate-volunteer';
import styles from './volunteers.module.css';

/** "Add a volunteer": a modal dialog (focus trapped, Escape closes, focus returns to the button — WAI-ARIA APG). */
export function NewVolunteerDialog({ onCreated }: { onCreated: (message: string) => void }) {
  const { t } = useTranslation();
  const { volunteers } = useRepositories();
  const [draft, setDraft] = useState<VolunteerDraft>(EMPTY_VOLUNTEER_DRAFT);
  const [errors, setErrors] = useState<VolunteerErrors>({});
  const [isOpen, setOpen] = useState(false);

  const field = (name: keyof VolunteerDraft) => ({
    name,
    value: draft[name],
    onChange: (value: string) => setDraft((previous) => ({ ...previous, [name]: value })),
    errorMessage: errors[name] ? t(`validation.${errors[name]}`) : undefined,
  });
  const emailCheck = validateVolunteerDraft(draft);
  const emailWarning = emailCheck.ok && emailCheck.warnings.email ? t('validation.emailNonAscii') : undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateVolunteerDraft(draft);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const created = await volunteers.create(result.volunteer);
    onCreated(t('volunteers.created', { name: `${created.firstName} ${created.lastName}`.trim(), ref: created.ref }));
    setDraft(EMPTY_VOLUNTEER_DRAFT);
    setErrors({});
    setOpen(false);
  }

  const errorCount = Object.keys(errors).length;
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={setOpen}>
      <Button>{t('volunteers.add')}</Button>
      <ModalOverlay className={styles.overlay} isDismissable>
        <Modal className={styles.modal}>
          <Dialog className={styles.dialog}>
            <Heading slot="title" className={styles.dialogTitle}>
              {t('volunteers.newTitle')}
            </Heading>
            <Form onSubmit={submit} validationBehavior="aria">
              {errorCount > 0 && (
                <StatusMessage tone="error">{t('common.fixErrors', { count: errorCount })}</StatusMessage>
              )}
              <TextField label={t('volunteers.firstName')} autoComplete="off" {...field('firstName')} />
              <TextField label={t('volunteers.lastName')} autoComplete="off" {...field('lastName')} />
              <TextField
                label={t('volunteers.email')}
                type="email"
                autoComplete="off"
                warning={emailWarning}
                {...field('email')}
              />
              <TextField label={t('volunteers.phone')} type="tel" autoComplete="off" {...field('phone')} />
              <TextField
                label={t('volunteers.postcode')}
                inputMode="numeric"
                autoComplete="off"
                {...field('postcode')}
              />
              <div className={styles.actions}>
                <Button variant="secondary" slot="close">
                  {t('common.cancel')}
                </Button>
                <Button type="submit">{t('common.create')}</Button>
              </div>
            </Form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
