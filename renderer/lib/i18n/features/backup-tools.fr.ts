/** Backups: passphrase, automatic backups, reminders and storage (issue 11), in French. */
export const backupToolsFr = {
  encrypt: 'Chiffrer la sauvegarde avec une phrase de passe',
  passphrase: 'Phrase de passe',
  passphraseConfirm: 'Confirmer la phrase de passe',
  passphraseHelp:
    'Au moins 8 caractères. Sans elle, personne ne pourra ouvrir la sauvegarde, vous non plus : notez-la en lieu sûr.',
  passphraseShort: 'La phrase de passe doit compter au moins 8 caractères.',
  passphraseMismatch: 'Les deux phrases de passe sont différentes.',
  encryptedAsk: 'Ce fichier est une sauvegarde chiffrée. Saisissez sa phrase de passe pour l’ouvrir.',
  open: 'Ouvrir la sauvegarde',
  decrypting: 'Déchiffrement et vérification du fichier…',
  period: 'Créneaux du {{from}} au {{to}}.',
  noPeriod: 'Aucun créneau.',
  keepsDesk: 'Ce poste garde son propre identifiant ({{desk}}).',
  safetySaved: 'Les données actuelles ont été sauvegardées d’abord : {{file}}.',
  refused: 'Ce fichier ne peut pas être ouvert : {{message}} Rien n’a été modifié.',
  automatic: {
    title: 'Sauvegardes automatiques',
    intro:
      'Ce poste enregistre une sauvegarde au démarrage quand la dernière a plus d’un jour, et après chaque import, fusion ou restauration. Il en garde 7 quotidiennes et 4 hebdomadaires, chacune relue et vérifiée.',
    folder: 'Dossier : {{folder}}',
    defaultFolder: 'le dossier des données de l’application, sur cet ordinateur',
    chooseFolder: 'Choisir un autre dossier…',
    useDefaultFolder: 'Revenir au dossier par défaut',
    last: 'Dernière sauvegarde automatique : {{date}}.',
    never: 'Aucune sauvegarde automatique pour l’instant.',
    encrypted: 'Les sauvegardes automatiques sont chiffrées avec une phrase de passe.',
    notEncrypted: 'Les sauvegardes automatiques ne sont pas chiffrées.',
    notRemembered:
      'Le trousseau du système n’est pas disponible : la phrase de passe sera redemandée au prochain démarrage.',
    setPassphrase: 'Chiffrer les sauvegardes automatiques',
    removePassphrase: 'Ne plus chiffrer les sauvegardes automatiques',
    written: 'Sauvegarde automatique enregistrée : {{file}}.',
    failed: 'La sauvegarde automatique a échoué : {{message}}',
  },
  offLaptopWarning:
    'Aucune sauvegarde n’a quitté cet ordinateur depuis plus de {{days}} jours : enregistrez-en une sur une clé USB, ou choisissez un dossier synchronisé pour les sauvegardes automatiques (Paramètres).',
  browserReminder: 'Votre dernière sauvegarde a plus de {{days}} jours : enregistrez-en une depuis les Paramètres.',
  storage: 'Espace occupé par les données de l’application : {{used}} sur {{quota}} disponibles.',
  diskFullDuringRestore:
    'Le disque est plein : la restauration n’a pas pu aller au bout. Vos données ont été remises exactement comme avant. Libérez de la place puis recommencez.',
  restoreUnchanged: 'La restauration n’a pas pu commencer : {{message}} Rien n’a été modifié.',
  restoreRolledBack:
    'La restauration a échoué en cours de route : {{message}} Vos données ont été remises exactement comme avant.',
  restoreRollbackFailed:
    'La restauration a échoué en cours de route ({{message}}) et vos données n’ont pas encore pu être remises. Fermez puis rouvrez l’application : elle les remettra comme avant dès le démarrage.',
  notice: {
    'rolled-back':
      'Une restauration a été interrompue (application fermée ou arrêtée en cours de route). Vos données ont été remises comme elles étaient avant.',
    'not-started':
      'Une restauration a été interrompue avant d’avoir commencé à remplacer les données. Rien n’a été modifié.',
    'copy-missing':
      'Une restauration a été interrompue et la copie des données prise juste avant a disparu : les données peuvent être incomplètes. Restaurez la sauvegarde automatique enregistrée avant la restauration (Paramètres).',
    dismiss: 'J’ai compris',
  },
  diskFull:
    'Le disque est plein : l’opération n’a pas pu aboutir et rien n’a été modifié. Libérez de la place puis recommencez.',
};
