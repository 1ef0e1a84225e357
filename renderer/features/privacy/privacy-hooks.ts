import { useLiveQuery } from 'dexie-react-hooks';
import type { ExportLogEntry } from '../../../shared/domain/model';
import type { DuplicateReview } from '../../db/repositories/privacy-repository';
import { useRepositories } from '../../db/repositories-context';

/** Earlier exports that carried the person (the export log), oldest first; `undefined` while loading. */
export function useExportsContaining(volunteerId: string): ExportLogEntry[] | undefined {
  const { privacy } = useRepositories();
  return useLiveQuery(() => privacy.exportsContaining(volunteerId), [privacy, volunteerId]);
}

/** The replacement reference of an erased person, `null` when not erased, `undefined` while loading. */
export function useErasedReference(volunteerId: string | undefined): string | null | undefined {
  const { privacy } = useRepositories();
  return useLiveQuery(async () => (volunteerId ? privacy.erasedReference(volunteerId) : null), [privacy, volunteerId]);
}

export function usePendingDuplicates(): DuplicateReview[] | undefined {
  const { privacy } = useRepositories();
  return useLiveQuery(() => privacy.pendingDuplicates(), [privacy]);
}
