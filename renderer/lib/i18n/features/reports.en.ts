import type { reportsFr } from './reports.fr';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The Reports screen in English: key for key with French (the type checks it). */
export const reportsEn: Widen<typeof reportsFr> = {
  title: 'Reports',
  intro:
    'The figures of the City of Paris export, computed the same way, with small counts shown: they stay in the association.',
  period: {
    label: 'Period',
    presets: {
      last12Months: 'Last 12 months',
      currentYear: 'This year',
      previousYear: 'Last year',
      custom: 'Other period',
    },
    from: 'From',
    to: 'To',
    invalid: 'The period starts after it ends, or a date is missing: correct the dates.',
    incomplete: 'A date of the period is incomplete: the figures will show once it is complete.',
    shown: 'From {{from}} to {{to}}',
  },
  loading: 'Computing the figures… {{records}} records read.',
  error: 'The figures could not be computed: {{message}}',
  empty: 'No shift in this period: choose another one.',
  totals: {
    title: 'At a glance',
    hours: 'Volunteer hours',
    participations: 'Participations',
    presences: 'Attendances',
    distinctVolunteers: 'Distinct volunteers',
    newVolunteers: 'New volunteers',
    noShowRate: 'No-show rate',
    noShowDetail: '{{absences}} no-show(s) out of {{marked}} participation(s) marked',
    noRate: 'no participation marked',
    shifts: 'Shifts',
    doneMissions: 'Missions done',
  },
  impact: {
    title: 'Impact',
    note: 'Each mission done counts once, in the month of its first shift.',
    kgWaste: 'Waste collected',
    m2Greened: 'Area greened',
    peopleReached: 'People reached',
    objectsRepaired: 'Objects repaired',
    peopleContacted: 'People contacted',
    notRecorded: 'not recorded',
    kg: '{{value}} kg',
    m2: '{{value}} m²',
  },
  charts: {
    table: 'Data table',
    loading: 'Loading the chart…',
    hoursByMonth: {
      title: 'Volunteer hours by month',
      summary: '{{total}} volunteer hours from {{from}} to {{to}}. Busiest month: {{best}}, {{bestHours}} h.',
    },
    attendanceByMonth: {
      title: 'Attendances and volunteers by month',
      summary:
        '{{presences}} attendances by {{volunteers}} distinct volunteers, {{newcomers}} of them for the first time. No-show rate: {{rate}}.',
    },
    hoursByCategory: {
      title: 'Hours by category',
      summary: '{{count}} category(ies). First: {{best}}, {{bestHours}} h, {{share}} of the hours.',
    },
    hoursByArrondissement: {
      title: 'Hours by arrondissement',
      summary: '{{count}} place(s). First: {{best}}, {{bestHours}} h, {{share}} of the hours.',
    },
    noHours: 'No volunteer hours in this period.',
  },
  columns: {
    month: 'Month',
    category: 'Category',
    place: 'Arrondissement',
    hours: 'Hours',
    participations: 'Participations',
    presences: 'Attendances',
    distinctVolunteers: 'Distinct volunteers',
    newVolunteers: 'New',
    noShowRate: 'No-show rate',
  },
  places: {
    first: 'Arrondissement 1',
    paris: 'Arrondissement {{number}}',
    other: 'Outside Paris (municipality {{code}})',
    unknown: 'Unknown place or online',
  },
  hours: '{{value}} h',
  noValue: '—',
};
