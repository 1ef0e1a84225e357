import { useLiveQuery } from 'dexie-react-hooks';
import type { AuditEntry } from '../../../shared/domain/model';
import type { AccessRequest } from '../../../shared/rights/access-request';
import { useRepositories } from '../../db/repositories-context';

/** One person's access-request document, kept current while the page is open (null: no such person). */
export function useAccessRequest(volunteerId: string | undefined): AccessRequest | null | undefined {
  const { accessRequests } = useRepositories();
  return useLiveQuery(
    async () => (volunteerId ? accessRequests.build(volunteerId) : null),
    [accessRequests, volunteerId],
  );
}

/** The whole audit log, latest first; the screen filters it in memory. */
export function useAuditEntries(): AuditEntry[] | undefined {
  const { audit } = useRepositories();
  return useLiveQuery(() => audit.all(), [audit]);
}
