import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { ModalDialog } from '../../components/form-dialog';
import styles from './help.module.css';

/** Rows of the list: the key's label and the action's label, both i18n keys under `help`. */
const EVERYWHERE = [
  ['keys.help', 'everywhere.help'],
  ['keys.tab', 'everywhere.tab'],
  ['keys.enter', 'everywhere.enter'],
  ['keys.space', 'everywhere.space'],
  ['keys.arrows', 'everywhere.arrows'],
  ['keys.escape', 'everywhere.escape'],
  ['keys.tab', 'everywhere.skip'],
] as const;

/** The desk's keys, as desk-running.tsx handles them. */
const DESK = [
  ['keys.type', 'desk.type'],
  ['keys.upDown', 'desk.arrows'],
  ['keys.enter', 'desk.enter'],
  ['keys.f2', 'desk.f2'],
  ['keys.f4', 'desk.f4'],
  ['keys.f7', 'desk.f7'],
  ['keys.f9', 'desk.f9'],
  ['keys.undo', 'desk.undo'],
  ['keys.escape', 'desk.escape'],
] as const;

/** Where `?` is text being typed, not a request for help. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [role="dialog"]') !== null;
}

/**
 * The keyboard shortcuts, listed in a dialog (issue #13): a button in the banner, and F1 or `?` anywhere (`?` only
 * outside a text field). Focus goes into the dialog and back to where it was on close (React Aria's Modal).
 */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'F1' || (event.key === '?' && !event.ctrlKey && !event.metaKey && !isEditable(event.target))) {
        // F1 would open the browser's own help page.
        event.preventDefault();
        setOpen(true);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <Button variant="secondary" className={styles.helpButton} onPress={() => setOpen(true)} aria-keyshortcuts="F1">
        {t('help.button')} <span className={styles.hint}>{t('help.buttonHint')}</span>
      </Button>
      <ModalDialog title={t('help.title')} isOpen={open} onOpenChange={setOpen} wide>
        <p>{t('help.intro')}</p>
        <ShortcutTable caption={t('help.everywhere.title')} rows={EVERYWHERE} />
        <ShortcutTable caption={t('help.desk.title')} rows={DESK} />
        <Button slot="close" onPress={() => setOpen(false)}>
          {t('help.close')}
        </Button>
      </ModalDialog>
    </>
  );
}

function ShortcutTable({ caption, rows }: { caption: string; rows: typeof EVERYWHERE | typeof DESK }) {
  const { t } = useTranslation();
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('help.keyColumn')}</th>
          <th scope="col">{t('help.actionColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, action]) => (
          <tr key={action}>
            <td>
              <kbd>{t(`help.${key}`)}</kbd>
            </td>
            <td>{t(`help.${action}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
