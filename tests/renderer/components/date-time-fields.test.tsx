import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DateField } from '../../../renderer/components/date-field';
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
