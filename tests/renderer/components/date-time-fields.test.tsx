import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { Button } from '../../../renderer/components/button';
import { DateField } from '../../../renderer/components/date-field';
import { Form } from '../../../renderer/components/form';
import { IncompleteGuard, useIncompleteGuard } from '../../../renderer/components/incomplete-segments';
import { TimeField } from '../../../renderer/components/time-field';
import { createI18n } from '../../../renderer/lib/i18n';
import type { Language } from '../../../shared/domain/model';
import { dateGroup, shownValue, typeDate, typeTime } from '../date-input';

/** Both fields, controlled as the forms hold them: strings, with what they last reported printed below. */
function Fields({
  initialDate = '',
  initialTime = '',
  error,
}: {
  initialDate?: string;
  initialTime?: string;
  error?: string;
}) {
  const [date, setDate] = useState(initialDate);
  const [time, setTime] = useState(initialTime);
  return (
    <>
      <DateField label="Date" value={date} onChange={setDate} errorMessage={error} description="Le jour du créneau" />
      <TimeField label="Début" value={time} onChange={setTime} />
      <output data-testid="date">{`[${date}]`}</output>
      <output data-testid="time">{`[${time}]`}</output>
    </>
  );
}

function renderIn(language: Language, props: Parameters<typeof Fields>[0] = {}) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <Fields {...props} />
    </I18nextProvider>,
  );
}

describe('date and time fields', () => {
  it('show a date day first and a time on a 24-hour clock in French, whatever the system’s language', () => {
    renderIn('fr', { initialDate: '2026-03-14', initialTime: '18:05' });
    expect(shownValue(document.body, 'Date')).toBe('14/03/2026');
    expect(shownValue(document.body, 'Début')).toBe('18:05');
    // The segments are named in the app's language for a screen reader.
    const day = dateGroup(document.body, 'Date').querySelector('[data-type="day"]');
    expect(day).toHaveAttribute('role', 'spinbutton');
    expect(day?.getAttribute('aria-label')).toMatch(/jour/i);
  });

  it('show the same day-first, 24-hour format in English, with English segment names', () => {
    renderIn('en', { initialDate: '2026-03-14', initialTime: '18:05' });
    expect(shownValue(document.body, 'Date')).toBe('14/03/2026');
    expect(shownValue(document.body, 'Début')).toBe('18:05');
    const day = dateGroup(document.body, 'Date').querySelector('[data-type="day"]');
    expect(day?.getAttribute('aria-label')).toMatch(/day/i);
    expect(dateGroup(document.body, 'Début').querySelector('[data-type="dayPeriod"]')).toBeNull();
  });

  it('report what is typed, by keyboard, as yyyy-MM-dd and HH:mm, and nothing while a date is incomplete', async () => {
    const user = userEvent.setup();
    renderIn('fr');
    expect(shownValue(document.body, 'Date')).toBe('jj/mm/aaaa');
    await user.click(dateGroup(document.body, 'Date').querySelector('[data-type="day"]') as HTMLElement);
    await user.keyboard('0903');
    expect(screen.getByTestId('date')).toHaveTextContent('[]');
    // The focus moved on by itself from day to month to year.
    await user.keyboard('2026');
    expect(screen.getByTestId('date')).toHaveTextContent('[2026-03-09]');
    await typeTime(user, document.body, 'Début', '02:30');
    expect(screen.getByTestId('time')).toHaveTextContent('[02:30]');
    // The arrow keys step a segment: the minute here.
    await user.keyboard('{ArrowUp}');
    expect(screen.getByTestId('time')).toHaveTextContent('[02:31]');
  });

  it('replace a date and empty it through the same helper the screens’ tests use', async () => {
    const user = userEvent.setup();
    renderIn('en', { initialDate: '2026-03-14' });
    await typeDate(user, document.body, 'Date', '2030-12-01');
    expect(screen.getByTestId('date')).toHaveTextContent('[2030-12-01]');
    expect(shownValue(document.body, 'Date')).toBe('01/12/2030');
    await typeDate(user, document.body, 'Date', '');
    expect(screen.getByTestId('date')).toHaveTextContent('[]');
    expect(shownValue(document.body, 'Date')).toBe('dd/mm/yyyy');
  });

  it('link the label, the description and the error to the field for assistive technology', () => {
    renderIn('fr', { error: 'Date invalide.' });
    const group = dateGroup(document.body, 'Date');
    expect(group).toHaveAttribute('data-invalid', 'true');
    const described = (group.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' | ');
    expect(described).toContain('Le jour du créneau');
    expect(described).toContain('Date invalide.');
  });
});

/** An optional date and a time in the app's Form, as the volunteer form and the dialogs hold them. */
function SaveForm({ saved }: { saved: { date: string; time: string }[] }) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        saved.push({ date, time });
      }}
    >
      <DateField label="Date de naissance" name="birthDate" value={date} onChange={setDate} />
      <TimeField label="Arrivée" value={time} onChange={setTime} />
      <Button type="submit">Enregistrer</Button>
    </Form>
  );
}

function renderForm(language: Language, saved: { date: string; time: string }[]) {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <SaveForm saved={saved} />
    </I18nextProvider>,
  );
}

/** The texts the field's group is described by, as a screen reader reads them with it. */
function describedBy(group: HTMLElement): string {
  return (group.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

// The catalogue puts a non-breaking space before the colon; Testing Library reads it as a plain space.
const INCOMPLETE_DATE_FR = /^Date incomplète\s: saisissez le jour, le mois et l’année\.$/;
const INCOMPLETE_TIME_FR = /^Heure incomplète\s: saisissez l’heure et les minutes\.$/;

describe('a partly typed date or time', () => {
  it('says it is incomplete once focus leaves it, outside a form too, and stops saying so once complete', async () => {
    const user = userEvent.setup();
    renderIn('fr');
    const group = dateGroup(document.body, 'Date');
    await user.click(group.querySelector('[data-type="day"]') as HTMLElement);
    await user.keyboard('1403');
    // Still typing: no message yet, and the value is still empty.
    expect(screen.queryByText(INCOMPLETE_DATE_FR)).toBeNull();
    await user.click(document.body);
    // Shown once the click that took focus away is over, so it never moves a button from under the pointer.
    expect(await screen.findByText(INCOMPLETE_DATE_FR)).toBeInTheDocument();
    expect(group).toHaveAttribute('data-invalid', 'true');
    expect(describedBy(group)).toMatch(/Date incomplète\u00a0: saisissez le jour/);
    expect(screen.getByTestId('date')).toHaveTextContent('[]');
    await typeDate(user, document.body, 'Date', '2026-03-14');
    expect(screen.getByTestId('date')).toHaveTextContent('[2026-03-14]');
    expect(screen.queryByText(INCOMPLETE_DATE_FR)).toBeNull();
    expect(group).not.toHaveAttribute('data-invalid');
  });

  it('keeps the form from saving, shows every incomplete field’s message and moves focus to the first', async () => {
    const user = userEvent.setup();
    const saved: { date: string; time: string }[] = [];
    renderForm('fr', saved);
    await user.click(dateGroup(document.body, 'Date de naissance').querySelector('[data-type="day"]') as HTMLElement);
    await user.keyboard('1403');
    await user.click(dateGroup(document.body, 'Arrivée').querySelector('[data-type="hour"]') as HTMLElement);
    await user.keyboard('09');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(saved).toEqual([]);
    expect(screen.getByText(INCOMPLETE_DATE_FR)).toBeInTheDocument();
    expect(screen.getByText(INCOMPLETE_TIME_FR)).toBeInTheDocument();
    // Focus on the first segment still to type, in the first incomplete field: the year of the date of birth.
    const year = dateGroup(document.body, 'Date de naissance').querySelector('[data-type="year"]');
    expect(document.activeElement).toBe(year);
    expect(describedBy(year as HTMLElement)).toMatch(/Date incomplète\u00a0: saisissez le jour/);
    // A second try: still refused.
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(saved).toEqual([]);

    await user.click(year as HTMLElement);
    await user.keyboard('2010');
    await typeTime(user, document.body, 'Arrivée', '09:30');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(saved).toEqual([{ date: '2010-03-14', time: '09:30' }]);
    expect(screen.queryByText(INCOMPLETE_DATE_FR)).toBeNull();
    expect(screen.queryByText(INCOMPLETE_TIME_FR)).toBeNull();
  });

  it('refuses a submit made without leaving the field, and shows the message then', async () => {
    const user = userEvent.setup();
    const saved: { date: string; time: string }[] = [];
    const { container } = renderForm('en', saved);
    await user.click(dateGroup(document.body, 'Arrivée').querySelector('[data-type="hour"]') as HTMLElement);
    await user.keyboard('18');
    // A submit from a shortcut: focus stays in the minute segment.
    (container.querySelector('form') as HTMLFormElement).requestSubmit();
    await screen.findByText('Incomplete time: enter the hour and minutes.');
    expect(saved).toEqual([]);
    expect(document.activeElement).toBe(dateGroup(document.body, 'Arrivée').querySelector('[data-type="minute"]'));
  });

  it('counts a date emptied again as no date, which an optional field accepts', async () => {
    const user = userEvent.setup();
    const saved: { date: string; time: string }[] = [];
    renderForm('en', saved);
    await typeDate(user, document.body, 'Date de naissance', '2010-03-14');
    // One segment emptied out of a complete date: incomplete, and the form no longer holds the old date.
    await user.click(dateGroup(document.body, 'Date de naissance').querySelector('[data-type="year"]') as HTMLElement);
    await user.keyboard('{Backspace}'.repeat(5));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(saved).toEqual([]);
    expect(screen.getByText('Incomplete date: enter the day, month and year.')).toBeInTheDocument();
    await typeDate(user, document.body, 'Date de naissance', '');
    expect(shownValue(document.body, 'Date de naissance')).toBe('dd/mm/yyyy');
    expect(screen.queryByText('Incomplete date: enter the day, month and year.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(saved).toEqual([{ date: '', time: '' }]);
  });
});

describe('a complete date with one part erased', () => {
  it('reports no date while what is still typed stays on screen, and the date again once the part is back', async () => {
    const user = userEvent.setup();
    renderIn('fr', { initialDate: '2026-03-14', initialTime: '18:05' });
    const group = dateGroup(document.body, 'Date');
    // One Backspace empties the month (03 → 0, which is no month).
    await user.click(group.querySelector('[data-type="month"]') as HTMLElement);
    await user.keyboard('{Backspace}');
    // The screen is told there is no date (a filter shows everything, an export has no period)…
    expect(screen.getByTestId('date')).toHaveTextContent('[]');
    // …while the day and year typed stay where the person left them.
    expect(shownValue(document.body, 'Date')).toBe('14/mm/2026');
    await user.keyboard('03');
    // The same month typed back: React Aria sees no change, so the field gives the date back itself.
    expect(screen.getByTestId('date')).toHaveTextContent('[2026-03-14]');
    expect(shownValue(document.body, 'Date')).toBe('14/03/2026');

    // The year emptied, digit by digit, then another one typed.
    await user.click(group.querySelector('[data-type="year"]') as HTMLElement);
    await user.keyboard('{Backspace}'.repeat(4));
    expect(screen.getByTestId('date')).toHaveTextContent('[]');
    expect(shownValue(document.body, 'Date')).toBe('14/03/aaaa');
    await user.keyboard('2030');
    expect(screen.getByTestId('date')).toHaveTextContent('[2030-03-14]');

    // A time too: the minutes erased, then emptied altogether.
    const minute = dateGroup(document.body, 'Début').querySelector('[data-type="minute"]') as HTMLElement;
    await user.click(minute);
    await user.keyboard('{Backspace}{Backspace}');
    expect(screen.getByTestId('time')).toHaveTextContent('[]');
    expect(shownValue(document.body, 'Début')).toBe('18:––');
    await typeTime(user, document.body, 'Début', '');
    expect(screen.getByTestId('time')).toHaveTextContent('[]');
    await typeTime(user, document.body, 'Début', '07:45');
    expect(screen.getByTestId('time')).toHaveTextContent('[07:45]');
  });
});

/** A period and an action outside any form, as the exports screen holds them, with what the action ran with. */
function PeriodAction({ ran }: { ran: string[] }) {
  const guard = useIncompleteGuard();
  const [from, setFrom] = useState('2026-03-01');
  const [to, setTo] = useState('2026-03-30');
  return (
    <>
      <IncompleteGuard guard={guard}>
        <DateField label="Du" value={from} onChange={setFrom} />
        <DateField label="Au" value={to} onChange={setTo} />
      </IncompleteGuard>
      <output data-testid="incomplete">{guard.hasIncomplete ? 'incomplete' : 'whole'}</output>
      <Button
        onPress={() => {
          if (guard.refuse()) return;
          ran.push(`${from}/${to}`);
        }}
      >
        Exporter
      </Button>
    </>
  );
}

describe('an action guarded outside a form', () => {
  it('is refused while a date is incomplete, with focus on the missing part and the message, then runs', async () => {
    const user = userEvent.setup();
    const ran: string[] = [];
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <PeriodAction ran={ran} />
      </I18nextProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    expect(ran).toEqual(['2026-03-01/2026-03-30']);
    expect(screen.getByTestId('incomplete')).toHaveTextContent('whole');

    const month = dateGroup(document.body, 'Au').querySelector('[data-type="month"]') as HTMLElement;
    await user.click(month);
    await user.keyboard('{Backspace}{Backspace}');
    expect(screen.getByTestId('incomplete')).toHaveTextContent('incomplete');
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    expect(ran).toEqual(['2026-03-01/2026-03-30']);
    expect(screen.getByText(INCOMPLETE_DATE_FR)).toBeInTheDocument();
    expect(document.activeElement).toBe(month);
    expect(describedBy(month)).toMatch(/Date incomplète\u00a0: saisissez le jour/);

    await user.keyboard('04');
    expect(screen.getByTestId('incomplete')).toHaveTextContent('whole');
    expect(screen.queryByText(INCOMPLETE_DATE_FR)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    expect(ran).toEqual(['2026-03-01/2026-03-30', '2026-03-01/2026-04-30']);
  });
});
