/** Why an encrypted backup was refused; stable codes for the UI, with French and English messages. */
export type BackupErrorCode = 'wrong-passphrase' | 'damaged' | 'truncated' | 'unsupported' | 'weak-passphrase';

export interface BackupProblem {
  readonly code: BackupErrorCode;
  /** French first: the app is French first (product.md). */
  readonly fr: string;
  readonly en: string;
}

const MESSAGES: Readonly<Record<BackupErrorCode, { fr: string; en: string }>> = {
  'wrong-passphrase': {
    fr: 'La phrase de passe ne correspond pas à cette sauvegarde chiffrée (ou son en-tête est abîmé).',
    en: 'The passphrase does not match this encrypted backup (or its header is damaged).',
  },
  damaged: {
    fr: 'La sauvegarde chiffrée a été modifiée ou abîmée : son contrôle d’intégrité échoue.',
    en: 'The encrypted backup was altered or damaged: its integrity check fails.',
  },
  truncated: {
    fr: 'La sauvegarde chiffrée est incomplète (fichier coupé).',
    en: 'The encrypted backup is incomplete (the file was cut short).',
  },
  unsupported: {
    fr: 'Cette sauvegarde chiffrée vient d’une version plus récente de Desk Climat, ou ses paramètres sont invalides.',
    en: 'This encrypted backup comes from a newer version of Desk Climat, or its parameters are invalid.',
  },
  'weak-passphrase': {
    fr: 'La phrase de passe doit compter au moins 8 caractères.',
    en: 'The passphrase must be at least 8 characters long.',
  },
};

/** An encrypted backup that cannot be read or written, in French and in English. */
export class BackupError extends Error implements BackupProblem {
  readonly code: BackupErrorCode;
  readonly fr: string;
  readonly en: string;

  constructor(code: BackupErrorCode) {
    const { fr, en } = MESSAGES[code];
    super(`${fr} / ${en}`);
    this.name = 'BackupError';
    this.code = code;
    this.fr = fr;
    this.en = en;
  }

  /** A plain object, e.g. to post from a Worker (Error subclasses lose their fields in structured cloning). */
  toProblem(): BackupProblem {
    return { code: this.code, fr: this.fr, en: this.en };
  }
}

export function isBackupError(error: unknown): error is BackupError {
  return error instanceof BackupError;
}

/** French then English, as the main process returns its messages; null for anything that is not a BackupError. */
export function describeBackupError(error: unknown): string | null {
  return isBackupError(error) ? `${error.fr} / ${error.en}` : null;
}
