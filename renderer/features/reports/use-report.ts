import { useEffect, useState } from 'react';
import type { LocalDate } from '../../../shared/domain/local-date';
import type { Report } from '../../../shared/reports';
import { useRepositories } from '../../db/repositories-context';
import { ReportAbortedError } from '../../db/repositories/reports-repository';

export type ReportState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly records: number }
  | { readonly status: 'ready'; readonly report: Report }
  | { readonly status: 'failed'; readonly message: string };

/**
 * The report of a period, computed off the main thread (the repository's Worker). Choosing another period stops
 * the computation under way, and a result is kept with the period it belongs to, so the screen never shows an
 * older period's figures under a newer period's dates.
 */
export function useReport(period: { from: LocalDate; to: LocalDate } | null): ReportState {
  const { reports } = useRepositories();
  const key = period ? `${period.from}/${period.to}` : null;
  const [result, setResult] = useState<{ key: string; state: ReportState } | null>(null);
  const from = period?.from ?? null;
  const to = period?.to ?? null;
  useEffect(() => {
    if (from === null || to === null) return undefined;
    const controller = new AbortController();
    const mine = `${from}/${to}`;
    const settle = (state: ReportState) => {
      if (!controller.signal.aborted) setResult({ key: mine, state });
    };
    reports
      .report({
        from,
        to,
        signal: controller.signal,
        onProgress: (progress) => settle({ status: 'loading', records: progress.done }),
      })
      .then(
        (report) => settle({ status: 'ready', report }),
        (error: unknown) => {
          if (error instanceof ReportAbortedError) return;
          settle({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => controller.abort();
  }, [reports, from, to]);
  if (key === null) return { status: 'idle' };
  return result?.key === key ? result.state : { status: 'loading', records: 0 };
}
