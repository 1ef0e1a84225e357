import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { DialogTrigger } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { Button } from '../../../renderer/components/button';
import { FormDialog } from '../../../renderer/components/form-dialog';
import { TextField } from '../../../renderer/components/text-field';
import { createI18n } from '../../../renderer/lib/i18n';

/** A dialog opened by its own button, as the roster's and the shifts' dialogs are. */
function TriggeredDialog({ onSubmit, error }: { onSubmit: (reason: string) => void; error?: string }) {
  const [reason, setReason] = useState('');
  return (
    <I18nextProvider i18n={createI18n('fr')}>
      <DialogTrigger>
        <Button>Ouvrir</Button>
        <FormDialog
          title="Annuler l’inscription"
          onSubmit={() => onSubmit(reason)}
          submitLabel="Confirmer"
          submitVariant="danger"
          error={error}
        >
          <TextField label="Motif" value={reason} onChange={setReason} />
        </FormDialog>
      </DialogTrigger>
    </I18nextProvider>
  );
}

describe('the form dialog every feature shares', () => {
  it('is a modal named by its title; Enter in a field submits the form, and the page is not reloaded', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<TriggeredDialog onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Ouvrir' }));
    const dialog = screen.getByRole('dialog', { name: 'Annuler l’inscription' });
    expect(dialog).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'Motif' }), 'malade{Enter}');
    expect(onSubmit).toHaveBeenCalledWith('malade');
    // The submit button is the last of the actions, after Cancel.
    const buttons = Array.from(dialog.querySelectorAll('button')).map((button) => button.textContent);
    expect(buttons.slice(-2)).toEqual(['Annuler', 'Confirmer']);
  });

  it('closes on Cancel without submitting, and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<TriggeredDialog onSubmit={onSubmit} />);
    await user.click(screen.getByRole('button', { name: 'Ouvrir' }));
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    // React Aria gives focus back on the next frame.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ouvrir' })).toHaveFocus());
  });

  it('says why the last attempt failed, in the dialog', async () => {
    const user = userEvent.setup();
    render(<TriggeredDialog onSubmit={() => undefined} error="L’enregistrement a échoué." />);
    await user.click(screen.getByRole('button', { name: 'Ouvrir' }));
    expect(screen.getByRole('dialog')).toHaveTextContent('L’enregistrement a échoué.');
  });

  it('a dialog the screen opens itself is closed through onOpenChange, by Cancel as by Escape', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('fr')}>
        <FormDialog title="Arrivée" isOpen onOpenChange={onOpenChange} onSubmit={() => undefined} submitLabel="Valider">
          <TextField label="Nom" value="" onChange={() => undefined} />
        </FormDialog>
      </I18nextProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    onOpenChange.mockClear();
    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
  });
});
