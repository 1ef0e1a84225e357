import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createDexieRecordSink, createDexieRecordSource } from '../../../renderer/db/dexie-store';
import { createRepositories, RepositoriesProvider } from '../../../renderer/db/repositories-context';
import { ReportsScreen } from '../../../renderer/features/reports';
import { reportFormat } from '../../../renderer/features/reports/report-format';
import { createI18n } from '../../../renderer/lib/i18n';
import { DEFAULT_SETTINGS } from '../../../shared/domain/model';
import { parisLocalDate } from '../../../shared/domain/paris-time';
import { buildReport, presetPeriod } from '../../../shared/reports';
import { seedInto } from '../../../shared/seed';
import { dateGroup, typeDate } from '../date-input';
import { createTestDatabase } from '../db/test-database';

async function seededScreen(language: 'fr' | 'en') {
  const { db, desk } = await createTestDatabase();
  const repositories = createRepositories(db, desk);
  await repositories.settings.save({ ...DEFAULT_SETTINGS, associationName: 'A' });
  // The screen's default period ends today: the seed's "today" is now.
  await seedInto(createDexieRecordSink(db), { volunteers: 40, now: new Date().toISOString(), seed: 'screen' });
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <RepositoriesProvider repositories={repositories}>
        <ReportsScreen />
      </RepositoriesProvider>
    </I18nextProvider>,
  );
  // Expected figures straight from the shared pipeline, not through the repository (which caches what it showed).
  return (period: { from: string; to: string }) =>
    buildReport(createDexieRecordSource(db), {
      ...period,
      settings: {
        associationName: 'A',
        rna: null,
        siret: null,
        cancellationCutoffHours: DEFAULT_SETTINGS.cancellationCutoffHours,
      },
    });
}

/** The value shown in the tile labelled `label`. */
function tile(label: string): string {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('Reports screen', { timeout: 60_000 }, () => {
  it('shows the last twelve months’ figures from the export aggregation, as tiles and as tables, in French', async () => {
    const reportOf = await seededScreen('fr');
    const today = parisLocalDate(Date.now());
    const period = presetPeriod('last12Months', today);
    const expected = await reportOf(period);
    const format = reportFormat('fr');

    await screen.findByRole('heading', { level: 2, name: 'En bref' }, { timeout: 30_000 });
    expect(screen.getByRole('heading', { level: 1, name: 'Bilans' })).toBeInTheDocument();
    expect(screen.getByText(`Du ${format.date(period.from)} au ${format.date(period.to)}`)).toBeInTheDocument();
    expect(tile('Présences')).toBe(format.integer(expected.totals.presences));
    expect(tile('Heures de bénévolat')).toBe(`${format.hundredths(expected.totals.hours)} h`);
    expect(tile('Bénévoles distinct·es')).toBe(format.integer(expected.totals.distinctVolunteers));
    expect(expected.totals.presences).toBeGreaterThan(0);

    // The month table lists every month of the period, with its hours.
    const section = screen.getByRole('region', { name: 'Heures de bénévolat par mois' });
    await userEvent.click(within(section).getByText('Tableau des données'));
    const table = within(section).getByRole('table', { name: 'Heures de bénévolat par mois' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(12);
    const first = expected.byMonth[0];
    if (!first) throw new Error('no month');
    expect(within(rows[0] as HTMLElement).getByRole('rowheader')).toHaveTextContent(format.monthLong(first.key));
    expect(within(rows[0] as HTMLElement).getAllByRole('cell')[0]).toHaveTextContent(format.hundredths(first.hours));
  });

  it('switches to another period and recomputes, in English', async () => {
    const user = userEvent.setup();
    const reportOf = await seededScreen('en');
    await screen.findByRole('heading', { level: 2, name: 'At a glance' }, { timeout: 30_000 });
    const today = parisLocalDate(Date.now());
    const period = presetPeriod('currentYear', today);
    const expected = await reportOf(period);
    const format = reportFormat('en');

    await user.click(screen.getByRole('button', { name: /Period/ }));
    await user.click(await screen.findByRole('option', { name: 'This year' }));
    await screen.findByText(`From ${format.date(period.from)} to ${format.date(period.to)}`);
    await waitFor(() => expect(tile('Attendances')).toBe(format.integer(expected.totals.presences)), {
      timeout: 30_000,
    });
    expect(tile('Shifts')).toBe(format.integer(expected.totals.shifts));
  });

  it('refuses a custom period that ends before it starts, with a message', async () => {
    const user = userEvent.setup();
    await seededScreen('fr');
    await screen.findByRole('heading', { level: 2, name: 'En bref' }, { timeout: 30_000 });
    await user.click(screen.getByRole('button', { name: /Période/ }));
    await user.click(await screen.findByRole('option', { name: 'Autre période' }));
    await typeDate(user, document.body, 'Du', '2030-01-01');
    expect(await screen.findByText(/La période commence après sa fin/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'En bref' })).not.toBeInTheDocument();
  });

  it('shows no figures while a date of the period has a part erased, says why, and shows them again once whole', async () => {
    const user = userEvent.setup();
    await seededScreen('en');
    await screen.findByRole('heading', { level: 2, name: 'At a glance' }, { timeout: 30_000 });
    await user.click(screen.getByRole('button', { name: /Period/ }));
    await user.click(await screen.findByRole('option', { name: 'Other period' }));
    // Both ends typed: the period's default start moves with the day the test runs.
    await typeDate(user, document.body, 'From', '2026-01-01');
    await typeDate(user, document.body, 'To', '2026-03-31');
    await screen.findByText(/^From 1 Jan 2026 to 31 Mar 2026$/);
    await screen.findByRole('heading', { level: 2, name: 'At a glance' }, { timeout: 30_000 });
    const shown = screen.getByText(/^From .* to .*$/).textContent;

    // The month of "To" emptied (one Backspace: 03 → 0, no month): the figures go, and the screen says why.
    await user.click(dateGroup(document.body, 'To').querySelector('[data-type="month"]') as HTMLElement);
    await user.keyboard('{Backspace}');
    expect(
      await screen.findByText('A date of the period is incomplete: the figures will show once it is complete.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'At a glance' })).not.toBeInTheDocument();
    expect(screen.queryByText(shown ?? '')).not.toBeInTheDocument();
    // Not the message of a period that ends before it starts: nothing is wrong but the missing part.
    expect(screen.queryByText(/The period starts after it ends/)).not.toBeInTheDocument();

    await user.keyboard('03');
    await screen.findByText(shown ?? '');
    await screen.findByRole('heading', { level: 2, name: 'At a glance' }, { timeout: 30_000 });
    expect(screen.queryByText(/A date of the period is incomplete/)).not.toBeInTheDocument();
  });
});
