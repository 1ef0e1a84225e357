/** People's rights (effacement, conservation, doublons), in French: plain words for a coordinator, no legal jargon. */
export const privacyFr = {
  title: 'Données personnelles',
  intro:
    'Les droits des bénévoles sur leurs données : effacer une personne (depuis sa fiche), appliquer la durée de conservation, vérifier les doublons possibles.',
  erase: {
    sectionTitle: 'Effacement',
    open: 'Effacer cette personne…',
    title: 'Effacer {{name}}',
    what: 'L’effacement est définitif. Ce qui va se passer :',
    steps: {
      identity:
        'Nom, prénom, e-mail, téléphone, adresse, date de naissance, responsable légal, compétences, notes : supprimés partout, y compris dans le journal des actions.',
      consents: 'Les consentements enregistrés sont retirés.',
      participations:
        'Les participations et les heures restent, sous une nouvelle référence tirée au hasard : les chiffres de la mission ne changent pas.',
      register:
        'La personne est inscrite au registre des effacements : aucune sauvegarde restaurée ni fusion avec un autre poste ne la fera revenir.',
    },
    exportsTitle: 'Exports où figurait cette personne',
    exportsIntro:
      'Ces fichiers sont déjà partis. Prévenez leurs destinataires pour qu’ils effacent aussi cette personne de leur côté.',
    noExports: 'Aucun export précédent ne contenait cette personne.',
    columns: { date: 'Date', profile: 'Profil', mode: 'Mode', file: 'Fichier', recipient: 'Motif ou destinataire' },
    modes: { pseudonymous: 'pseudonymisé', named: 'nominatif', none: '—' },
    confirmLabel: 'Pour confirmer, tapez le nom de la personne : {{name}}',
    confirmMismatch: 'Le nom tapé ne correspond pas. Tapez exactement : {{name}}',
    submit: 'Effacer définitivement',
    done: 'La personne a été effacée. Ses participations restent sous la référence {{ref}}.',
    failed: 'L’effacement a échoué et rien n’a été modifié : {{message}}',
    alreadyErased: 'Cette personne a déjà été effacée.',
    erasedNotice: 'Personne effacée. Ses participations restent sous la référence {{ref}}.',
  },
  retention: {
    title: 'Durée de conservation',
    settingsTitle: 'Durée de conservation des données',
    settingsIntro:
      'Les données ne sont gardées que le temps nécessaire. Rien n’est fait sans votre accord : l’écran « Données personnelles » montre d’abord la liste.',
    anonymise: 'Anonymiser les bénévoles sans participation depuis',
    months: 'Nombre de mois sans participation',
    monthsHelp:
      'Compté depuis la fin du dernier créneau de la personne (inscrite, en attente ou annulée) ou, sans créneau, depuis son enregistrement.',
    monthsInvalid: 'Indiquez un nombre entier de mois entre 1 et 240.',
    purgeGuardian:
      'Supprimer les autorisations parentales et les contacts des responsables légaux après la dernière mission du mineur',
    purgeGuardianHelp:
      'À partir du lendemain de la fin de son dernier créneau (heure de Paris), s’il n’a plus de créneau à venir.',
    save: 'Enregistrer la durée de conservation',
    saved: 'Durée de conservation enregistrée.',
    policy:
      'Règle actuelle : anonymiser après {{months}} mois sans participation ({{anonymise}}) ; autorisations parentales supprimées après la dernière mission ({{purge}}).',
    on: 'activé',
    off: 'désactivé',
    changeInSettings: 'Modifier dans Paramètres',
    review: 'Voir ce que la règle ferait aujourd’hui',
    nothing: 'Rien à faire aujourd’hui : aucune donnée n’a dépassé la durée de conservation.',
    planIntro: 'Voici exactement ce qui sera fait. Rien n’est encore modifié.',
    columns: { person: 'Personne', ref: 'Référence', action: 'Action', why: 'Pourquoi' },
    actions: {
      anonymise: 'Anonymiser (effacement)',
      purge_guardian: 'Supprimer l’autorisation parentale et le contact du responsable',
    },
    why: {
      lastParticipation: 'Dernière participation le {{date}}',
      neverTookPart: 'Aucune participation, enregistrée le {{date}}',
      lastMission: 'Dernière mission terminée le {{date}}',
    },
    apply_one: 'Appliquer cette action',
    apply_other: 'Appliquer ces {{count}} actions',
    applied: 'Fait : {{anonymised}} personne(s) anonymisée(s), {{purged}} autorisation(s) parentale(s) supprimée(s).',
    failed: 'L’application a échoué et rien n’a été modifié : {{message}}',
  },
  duplicates: {
    title: 'Doublons possibles',
    intro:
      'Une même personne enregistrée deux fois (même e-mail, même téléphone, ou même nom et date de naissance). Rien n’est fusionné sans votre décision.',
    find: 'Chercher les doublons sur ce poste',
    found_one: '{{count}} doublon possible ajouté à la liste.',
    found_other: '{{count}} doublons possibles ajoutés à la liste.',
    none: 'Aucun doublon possible à examiner.',
    rules: {
      same_email: 'même e-mail',
      same_phone: 'même téléphone',
      same_name_and_birth_date: 'même nom et même date de naissance',
    },
    pairTitle: 'Même personne ? ({{rules}})',
    record: 'Fiche {{n}}',
    fields: {
      name: 'Nom',
      ref: 'Référence',
      email: 'E-mail',
      phone: 'Téléphone',
      birthDate: 'Date de naissance',
      postcode: 'Code postal',
      createdAt: 'Enregistrée le',
      signUps: 'Inscriptions',
    },
    empty: '—',
    merge: 'Même personne : fusionner',
    dismiss: 'Personnes différentes',
    merged: 'Fiches fusionnées : la référence {{ref}} est conservée.',
    dismissed: 'C’est noté : cette paire ne sera plus proposée.',
    failed: 'L’opération a échoué et rien n’a été modifié : {{message}}',
  },
};
