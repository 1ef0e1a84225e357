/**
 * The Reports screen in French (product.md, "Reports"). Numbers and dates are formatted by Intl before they are
 * interpolated, so the sentences hold no number format of their own.
 */
export const reportsFr = {
  title: 'Bilans',
  intro:
    'Les chiffres de l’export Ville de Paris, calculés de la même façon, sans masquer les petits effectifs : ils restent dans l’association.',
  period: {
    label: 'Période',
    presets: {
      last12Months: '12 derniers mois',
      currentYear: 'Année en cours',
      previousYear: 'Année précédente',
      custom: 'Autre période',
    },
    from: 'Du',
    to: 'Au',
    invalid: 'La période commence après sa fin, ou une date manque : corrigez les dates.',
    incomplete: 'Une date de la période est incomplète : les chiffres s’afficheront quand elle sera complète.',
    shown: 'Du {{from}} au {{to}}',
  },
  loading: 'Calcul des chiffres… {{records}} enregistrements lus.',
  error: 'Les chiffres n’ont pas pu être calculés : {{message}}',
  empty: 'Aucun créneau sur cette période : choisissez-en une autre.',
  totals: {
    title: 'En bref',
    hours: 'Heures de bénévolat',
    participations: 'Participations',
    presences: 'Présences',
    distinctVolunteers: 'Bénévoles distinct·es',
    newVolunteers: 'Nouveaux et nouvelles bénévoles',
    noShowRate: 'Taux d’absence',
    noShowDetail: '{{absences}} absence(s) sur {{marked}} participation(s) pointée(s)',
    noRate: 'aucune participation pointée',
    shifts: 'Créneaux',
    doneMissions: 'Missions réalisées',
  },
  impact: {
    title: 'Impact',
    note: 'Chaque mission réalisée compte une fois, au mois de son premier créneau.',
    kgWaste: 'Déchets ramassés',
    m2Greened: 'Surface végétalisée',
    peopleReached: 'Personnes sensibilisées',
    objectsRepaired: 'Objets réparés',
    peopleContacted: 'Personnes contactées',
    notRecorded: 'non renseigné',
    kg: '{{value}} kg',
    m2: '{{value}} m²',
  },
  charts: {
    table: 'Tableau des données',
    loading: 'Chargement du graphique…',
    hoursByMonth: {
      title: 'Heures de bénévolat par mois',
      summary: '{{total}} h de bénévolat du {{from}} au {{to}}. Mois le plus actif : {{best}}, {{bestHours}} h.',
    },
    attendanceByMonth: {
      title: 'Présences et bénévoles par mois',
      summary:
        '{{presences}} présences de {{volunteers}} bénévoles distinct·es, dont {{newcomers}} venu·es pour la première fois. Taux d’absence : {{rate}}.',
    },
    hoursByCategory: {
      title: 'Heures par catégorie',
      summary: '{{count}} catégorie(s). En tête : {{best}}, {{bestHours}} h, soit {{share}} des heures.',
    },
    hoursByArrondissement: {
      title: 'Heures par arrondissement',
      summary: '{{count}} lieu(x). En tête : {{best}}, {{bestHours}} h, soit {{share}} des heures.',
    },
    noHours: 'Aucune heure de bénévolat sur la période.',
  },
  columns: {
    month: 'Mois',
    category: 'Catégorie',
    place: 'Arrondissement',
    hours: 'Heures',
    participations: 'Participations',
    presences: 'Présences',
    distinctVolunteers: 'Bénévoles distinct·es',
    newVolunteers: 'Nouveaux',
    noShowRate: 'Taux d’absence',
  },
  places: {
    first: '1er arrondissement',
    paris: '{{number}}e arrondissement',
    other: 'Hors Paris (commune {{code}})',
    unknown: 'Lieu inconnu ou en ligne',
  },
  hours: '{{value}} h',
  noValue: '—',
} as const;
