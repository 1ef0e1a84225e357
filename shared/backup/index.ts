/** Backups: encryption of snapshot files with a passphrase, and the rotation of automatic backups (docs/backups.md). */
export { BackupError, describeBackupError, isBackupError, type BackupErrorCode, type BackupProblem } from './errors';
export {
  checkPassphrase,
  decryptBackup,
  DEFAULT_CHUNK_SIZE,
  DEFAULT_ITERATIONS,
  ENCRYPTED_BACKUP_MAGIC,
  encryptBackup,
  isEncryptedBackup,
  MIN_PASSPHRASE_LENGTH,
  type EncryptOptions,
} from './encryption';
export { KEEP_DAILY, KEEP_WEEKLY, planRotation, type RotationEntry, type RotationPolicy } from './rotation';
