/**
 * What can go wrong when a desk syncs, each with a plain message in French and English (issue 14: "errors in plain
 * words"). A `SyncError` is thrown before or between batches, never halfway through a local write, so local data
 * stays as it was, and the next sync starts again from the last checkpoint.
 */
export type SyncErrorCode =
  | 'wrong_password'
  | 'login_required'
  | 'unknown_database'
  | 'forbidden'
  | 'not_couchdb'
  | 'timeout'
  | 'unreachable'
  | 'server_error'
  | 'invalid_url';

const MESSAGES: Record<SyncErrorCode, readonly [fr: string, en: string]> = {
  wrong_password: [
    'Nom d’utilisateur ou mot de passe refusé par le serveur de synchronisation.',
    'The sync server refused the user name or password.',
  ],
  login_required: [
    'Le serveur de synchronisation demande un nom d’utilisateur et un mot de passe.',
    'The sync server asks for a user name and a password.',
  ],
  unknown_database: [
    'Cette base n’existe pas sur le serveur de synchronisation : vérifiez son nom.',
    'This database does not exist on the sync server: check its name.',
  ],
  forbidden: [
    'Ce compte n’a pas accès à cette base (elle appartient peut-être à une autre association).',
    'This account may not use this database (it may belong to another association).',
  ],
  not_couchdb: [
    'Cette adresse ne répond pas comme un serveur CouchDB : vérifiez l’adresse du serveur.',
    'This address does not answer as a CouchDB server: check the server address.',
  ],
  timeout: [
    'Le serveur de synchronisation ne répond pas à temps ; les données locales sont intactes, réessayez plus tard.',
    'The sync server did not answer in time; local data is intact, try again later.',
  ],
  unreachable: [
    'Serveur de synchronisation injoignable (hors ligne ?) ; les données locales sont intactes.',
    'The sync server cannot be reached (offline?); local data is intact.',
  ],
  server_error: [
    'Le serveur de synchronisation a renvoyé une erreur ; les données locales sont intactes, réessayez plus tard.',
    'The sync server returned an error; local data is intact, try again later.',
  ],
  invalid_url: [
    'Adresse de serveur invalide : elle doit commencer par http:// ou https://.',
    'Invalid server address: it must start with http:// or https://.',
  ],
};

export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly fr: string;
  readonly en: string;
  /** The HTTP status or the underlying error, for logs; never shown instead of the message. */
  readonly detail: string;
  /** The HTTP status of a `server_error`, when there was one. */
  readonly status: number | null;

  constructor(code: SyncErrorCode, detail = '', status: number | null = null) {
    const [fr, en] = MESSAGES[code];
    super(`${fr} / ${en}${detail ? ` (${detail})` : ''}`);
    this.name = 'SyncError';
    this.code = code;
    this.fr = fr;
    this.en = en;
    this.detail = detail;
    this.status = status;
  }
}

export function isSyncError(error: unknown): error is SyncError {
  return error instanceof SyncError;
}

export function syncErrorMessage(code: SyncErrorCode): { readonly fr: string; readonly en: string } {
  const [fr, en] = MESSAGES[code];
  return { fr, en };
}
