import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/use-language';

/** "Storage use" (issue 11): what the browser's storage manager says the app's data take, and of how much. */
export function StorageUse() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);

  useEffect(() => {
    let live = true;
    void navigator.storage
      ?.estimate?.()
      .then((value) => {
        if (live && value.usage !== undefined && value.quota) setEstimate({ usage: value.usage, quota: value.quota });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  if (!estimate) return null;
  const size = (bytes: number) =>
    bytes >= 1e9
      ? new Intl.NumberFormat(language, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 1 }).format(
          bytes / 1e9,
        )
      : new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(
          bytes / 1e6,
        );
  return <p>{t('backupTools.storage', { used: size(estimate.usage), quota: size(estimate.quota) })}</p>;
}
