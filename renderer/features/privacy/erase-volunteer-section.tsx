import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Volunteer } from '../../../shared/domain/model';
import { foldText } from '../../../shared/domain/text-folding';
import { Button } from '../../components/button';
import { FormDialog } from '../../components/form-dialog';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useRepositories } from '../../db/repositories-context';
import { ErasureRefused } from '../../db/repositories/privacy-repository';
import { formatShiftDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useErasedReference, useExportsContaining } from './privacy-hooks';
import styles from './privacy.module.css';

type Person = Pick<Volunteer, 'id' | 'firstName' | 'lastName' | 'ref'>;

/** What the person's name is typed against: the name, or the reference for a record without one. */
export function confirmationText(person: Person): string {
  return `${person.firstName} ${person.lastName}`.trim() || person.ref;
}

/** Typed "awa  DIALLO" confirms "Awa Diallo": case, accents and spacing are not what the check is about. */
export function confirms(typed: string, person: Person): boolean {
  const expected = foldText(confirmationText(person));
  return expected !== '' && foldText(typed) === expected;
}

/**
 * The "Erase" action of a volunteer's page (GDPR art. 17): a dialog that says what will happen and lists the earlier
 * exports that carried the person, so that their recipients can be told; confirmed by typing the name. Once erased,
 * the page says so and shows the reference the participations now carry.
 */
export function EraseVolunteerSection({ volunteer, onErased }: { volunteer: Person; onErased?: () => void }) {
  const { t } = useTranslation();
  const erasedRef = useErasedReference(volunteer.id);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (erasedRef === undefined) return null;
  return (
    <section aria-labelledby="erase-title" className={ui.section}>
      <h2 id="erase-title">{t('privacy.erase.sectionTitle')}</h2>
      {done && <StatusMessage tone="success">{t('privacy.erase.done', { ref: done })}</StatusMessage>}
      {erasedRef !== null ? (
        !done && <p>{t('privacy.erase.erasedNotice', { ref: erasedRef })}</p>
      ) : (
        <Button variant="danger" onPress={() => setOpen(true)}>
          {t('privacy.erase.open')}
        </Button>
      )}
      {open && erasedRef === null && (
        <EraseDialog
          volunteer={volunteer}
          onClose={() => setOpen(false)}
          onErased={(ref) => {
            setOpen(false);
            setDone(ref);
            onErased?.();
          }}
        />
      )}
    </section>
  );
}

function EraseDialog({
  volunteer,
  onClose,
  onErased,
}: {
  volunteer: Person;
  onClose: () => void;
  onErased: (replacementRef: string) => void;
}) {
  const { t } = useTranslation();
  const { privacy } = useRepositories();
  const exports = useExportsContaining(volunteer.id);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = confirmationText(volunteer);

  async function submit() {
    if (!confirms(typed, volunteer)) return setError(t('privacy.erase.confirmMismatch', { name }));
    setError(undefined);
    setBusy(true);
    try {
      const { replacementRef } = await privacy.erase(volunteer.id);
      onErased(replacementRef);
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ErasureRefused && caught.reason === 'already_erased') {
        return setFailure(t('privacy.erase.alreadyErased'));
      }
      setFailure(t('privacy.erase.failed', { message: caught instanceof Error ? caught.message : String(caught) }));
    }
  }

  return (
    <FormDialog
      title={t('privacy.erase.title', { name })}
      isOpen
      onOpenChange={(isOpen) => !isOpen && onClose()}
      wide
      formClassName={ui.form}
      onSubmit={submit}
      submitLabel={t('privacy.erase.submit')}
      submitVariant="danger"
      isSubmitDisabled={busy}
      error={failure}
      intro={<ErasureExplanation exports={exports} />}
    >
      <TextField
        label={t('privacy.erase.confirmLabel', { name })}
        value={typed}
        onChange={setTyped}
        errorMessage={error}
        autoComplete="off"
        autoFocus
      />
    </FormDialog>
  );
}

/** What erasing does, and the earlier exports that carried the person (their recipients are to be told). */
function ErasureExplanation({ exports }: { exports: ReturnType<typeof useExportsContaining> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p>{t('privacy.erase.what')}</p>
      <ul>
        <li>{t('privacy.erase.steps.identity')}</li>
        <li>{t('privacy.erase.steps.consents')}</li>
        <li>{t('privacy.erase.steps.participations')}</li>
        <li>{t('privacy.erase.steps.register')}</li>
      </ul>
      <h3>{t('privacy.erase.exportsTitle')}</h3>
      {exports && exports.length === 0 && <p>{t('privacy.erase.noExports')}</p>}
      {exports && exports.length > 0 && (
        <>
          <p>{t('privacy.erase.exportsIntro')}</p>
          <div className={styles.scroll}>
            <table className={ui.table}>
              <thead>
                <tr>
                  <th scope="col">{t('privacy.erase.columns.date')}</th>
                  <th scope="col">{t('privacy.erase.columns.profile')}</th>
                  <th scope="col">{t('privacy.erase.columns.mode')}</th>
                  <th scope="col">{t('privacy.erase.columns.file')}</th>
                  <th scope="col">{t('privacy.erase.columns.recipient')}</th>
                </tr>
              </thead>
              <tbody>
                {exports.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatShiftDate(entry.at, language)}</td>
                    <td>{entry.profile ?? t('privacy.erase.modes.none')}</td>
                    <td>{t(`privacy.erase.modes.${entry.mode ?? 'none'}`)}</td>
                    <td>{entry.fileName}</td>
                    <td>{entry.reason || t('privacy.erase.modes.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
