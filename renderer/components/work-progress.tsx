import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

/**
 * A long task's progress (an export, reading an import file): a labelled `<progress>` (a determinate bar when the
 * total is known), the step in words in a polite live region, and a Cancel button when the task can be stopped.
 */
export function WorkProgress({
  label,
  text,
  fraction,
  onCancel,
}: {
  label: string;
  /** What is being done, with its counts ("Reading the data: 1,200 of 50,000 records"). */
  text: string;
  /** 0 to 1; null when the total is not known yet (an indeterminate bar). */
  fraction: number | null;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div>
      <label htmlFor={id}>{label}</label>{' '}
      <progress
        id={id}
        max={100}
        value={percent ?? undefined}
        aria-valuetext={percent === null ? text : `${t('transfers.progress.percent', { percent })} — ${text}`}
      />
      <p aria-live="polite">{text}</p>
      {onCancel && (
        <Button variant="secondary" onPress={onCancel}>
          {t('transfers.progress.cancel')}
        </Button>
      )}
    </div>
  );
}
