import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { WorkProgress } from '../../../renderer/components/work-progress';
import { createI18n } from '../../../renderer/lib/i18n';

describe('the progress of a long export or import', () => {
  it('is a labelled progress bar with its value in words, the step in a live region, and a Cancel button', async () => {
    const onCancel = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <WorkProgress
          label="Avancement de l’export"
          text="Écriture du fichier zip : 400 ligne(s) sur 1000"
          fraction={0.4}
          onCancel={onCancel}
        />
      </I18nextProvider>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Avancement de l’export' });
    expect(bar).toHaveAttribute('value', '40');
    expect(bar).toHaveAttribute('aria-valuetext', '40 % — Écriture du fichier zip : 400 ligne(s) sur 1000');
    expect(screen.getByText('Écriture du fichier zip : 400 ligne(s) sur 1000')).toHaveAttribute('aria-live', 'polite');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('is indeterminate while the total is not known', () => {
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <WorkProgress
          label="Avancement de la lecture du fichier"
          text="Lecture du fichier : 2000 ligne(s) lues"
          fraction={null}
        />
      </I18nextProvider>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Avancement de la lecture du fichier' });
    expect(bar).not.toHaveAttribute('value');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
