/** Long exports and imports (issues #9 and #10): progress, cancel, and fixing a cell of an import in place. */
export const transfersFr = {
  progress: {
    cancel: 'Annuler',
    percent: '{{percent}} %',
  },
  /** The store's tables as the export reads them (progress text). */
  tables: {
    volunteers: 'bénévoles',
    consents: 'consentements',
    missions: 'missions',
    shifts: 'créneaux',
    signUps: 'inscriptions',
    checkinEvents: 'présences',
    aliases: 'fiches fusionnées',
    reviewItems: 'points à vérifier',
    auditLog: 'journal',
    exportLog: 'journal des exports',
    erasures: 'effacements',
  },
  exports: {
    progressLabel: 'Avancement de l’export',
    read: 'Lecture des données : {{done}} enregistrement(s) sur {{total}}',
    readTable: 'Lecture des données ({{table}}) : {{done}} enregistrement(s) sur {{total}}',
    zip: 'Écriture du fichier zip : {{done}} ligne(s) sur {{total}}',
    cancelled: 'Export annulé : aucun fichier n’a été enregistré.',
  },
  imports: {
    progressLabel: 'Avancement de la lecture du fichier',
    reading: 'Lecture du fichier : {{rows}} ligne(s) lues',
    analysing: 'Vérification des lignes : {{done}} sur {{total}}',
    cancelled: 'Lecture annulée : rien n’a été enregistré.',
    fix: {
      title: 'Corriger la ligne {{line}}',
      open: 'Corriger…',
      openLabel: 'Corriger la ligne {{line}}',
      field: '{{field}} (colonne « {{header}} »)',
      problem: 'Valeur lue : « {{text}} » — {{message}}',
      apply: 'Vérifier et appliquer',
      dropField: 'Ne pas importer ce champ',
      leaveOut: 'Laisser la ligne de côté',
      close: 'Fermer',
      fixed: 'Ligne {{line}} corrigée : {{status}}.',
      stillWrong: 'La valeur corrigée est encore refusée : {{message}}',
      rechecking: 'Vérification de la ligne corrigée…',
    },
  },
} as const;
