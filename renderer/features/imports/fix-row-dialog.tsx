import { useState } from 'react';
import { DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { importMessage, type ImportPreview, type RowPreview } from '../../../shared/import';
import { Button } from '../../components/button';
import { ModalDialog } from '../../components/form-dialog';
import { TextField } from '../../components/text-field';
import ui from '../../components/ui.module.css';
import { useLanguage } from '../../lib/use-language';
import { recheckCell } from './recheck-cell';

/**
 * "Fix inline" (issue #10): for a row with field errors, each faulty cell in a labelled field. "Check and apply"
 * validates the new value at once with the import's own rules (the dialog stays open while it is still refused),
 * then the file is analysed again in the Worker (a fixed e-mail may now be a duplicate). A field can also be left
 * empty (not imported), or the whole row left out. A modal dialog: focus moves in, Escape closes it.
 */
export function FixRowDialog({
  row,
  preview,
  fixAllCaps,
  onFix,
  onLeaveOut,
}: {
  row: RowPreview;
  preview: ImportPreview;
  fixAllCaps: boolean;
  onFix: (row: RowPreview, column: number, text: string) => Promise<void>;
  onLeaveOut: (row: RowPreview) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [isOpen, setOpen] = useState(false);
  const [values, setValues] = useState<Record<number, string>>({});
  const [refused, setRefused] = useState<Record<number, string>>({});

  async function apply(column: number, text: string) {
    const still = recheckCell(row, preview, column, text, fixAllCaps);
    if (still) {
      setRefused({
        ...refused,
        [column]: t('transfers.imports.fix.stillWrong', { message: importMessage(still, language) }),
      });
      return;
    }
    setOpen(false);
    await onFix(row, column, text);
  }

  return (
    <DialogTrigger
      isOpen={isOpen}
      onOpenChange={(open) => {
        setOpen(open);
        if (open) {
          setValues(Object.fromEntries(row.errors.map((issue) => [issue.column, issue.text])));
          setRefused({});
        }
      }}
    >
      <Button variant="secondary" aria-label={t('transfers.imports.fix.openLabel', { line: row.line })}>
        {t('transfers.imports.fix.open')}
      </Button>
      <ModalDialog title={t('transfers.imports.fix.title', { line: row.line })}>
        {row.errors.map((issue, position) => {
          const label = t('transfers.imports.fix.field', {
            field: t(`imports.targets.${issue.field}`),
            header: preview.header[issue.column] ?? '',
          });
          const value = values[issue.column] ?? issue.text;
          return (
            <form
              key={issue.column}
              aria-label={label}
              onSubmit={(event) => {
                event.preventDefault();
                void apply(issue.column, value);
              }}
            >
              <TextField
                // The first faulty value is what the user came to fix: focus goes there.
                autoFocus={position === 0}
                label={label}
                description={t('transfers.imports.fix.problem', {
                  text: issue.text,
                  message: importMessage(issue.code, language),
                })}
                value={value}
                onChange={(text) => {
                  setValues({ ...values, [issue.column]: text });
                  setRefused({ ...refused, [issue.column]: '' });
                }}
                errorMessage={refused[issue.column] || undefined}
              />
              <div className={ui.actions} style={{ justifyContent: 'flex-start' }}>
                <Button type="submit">{t('transfers.imports.fix.apply')}</Button>
                <Button variant="secondary" onPress={() => void apply(issue.column, '')}>
                  {t('transfers.imports.fix.dropField')}
                </Button>
              </div>
            </form>
          );
        })}
        <div className={ui.actions}>
          <Button
            variant="danger"
            onPress={() => {
              setOpen(false);
              onLeaveOut(row);
            }}
          >
            {t('transfers.imports.fix.leaveOut')}
          </Button>
          <Button variant="secondary" slot="close">
            {t('transfers.imports.fix.close')}
          </Button>
        </div>
      </ModalDialog>
    </DialogTrigger>
  );
}
