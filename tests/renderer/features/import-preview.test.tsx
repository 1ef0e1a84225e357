import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PreviewTable } from '../../../renderer/features/imports/preview-table';
import { createI18n } from '../../../renderer/lib/i18n';
import { analyseImport, parseCsvText, proposeMapping } from '../../../shared/import';
import { fakeFrameLayout } from './jsdom-layout';

/** 2,000 rows; row 3 (line 4) has an invalid e-mail. */
function bigPreview() {
  const lines = ['Nom;Prénom;Courriel'];
  for (let index = 0; index < 2_000; index++) {
    lines.push(`Nom${index};Prénom${index};${index === 2 ? 'pas-une-adresse' : `p${index}@exemple.fr`}`);
  }
  const parsed = parseCsvText(lines.join('\n'));
  return analyseImport(parsed, proposeMapping(parsed.header), [], { today: '2026-11-28' });
}

function renderTable(onFix = vi.fn(async () => undefined), onDecide = vi.fn()) {
  const preview = bigPreview();
  render(
    <I18nextProvider i18n={createI18n('fr')}>
      <PreviewTable preview={preview} decisions={{}} fixAllCaps={false} onDecide={onDecide} onFix={onFix} />
    </I18nextProvider>,
  );
  return { preview, onFix, onDecide };
}

// Room for a loaded two-core machine (no timing is asserted).
describe('the import preview', { timeout: 20_000 }, () => {
  beforeEach(() => fakeFrameLayout({ rowHeight: 56, measuredRows: true }));
  afterEach(() => vi.restoreAllMocks());

  it('renders a screenful of the 2,000 rows and tells assistive technology the full size', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Lignes du fichier' });
    expect(table).toHaveAttribute('aria-rowcount', '2001');
    const rows = within(table)
      .getAllByRole('row')
      .filter((row) => row.getAttribute('aria-rowindex') !== '1');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
  });

  it('fixes a cell in place by keyboard: a value still refused is said so, a valid one is applied', async () => {
    const user = userEvent.setup();
    const { preview, onFix } = renderTable();
    const row = preview.rows[2]!;
    expect(row.status).toBe('field_errors');
    // Only the row with a field error offers the fix.
    expect(screen.getAllByRole('button', { name: /^Corriger la ligne/ })).toHaveLength(1);
    screen.getByRole('button', { name: 'Corriger la ligne 4' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Corriger la ligne 4' });
    const field = within(dialog).getByRole('textbox', { name: /^Courriel \(colonne «\sCourriel\s»\)$/ });
    expect(field).toHaveValue('pas-une-adresse');
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'toujours faux{Enter}');
    expect(await within(dialog).findByText(/La valeur corrigée est encore refusée/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(onFix).not.toHaveBeenCalled();
    await user.clear(field);
    await user.type(field, 'p2@exemple.fr{Enter}');
    expect(onFix).toHaveBeenCalledWith(row, row.errors[0]!.column, 'p2@exemple.fr');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('drops a field or leaves the row out from the same dialog', async () => {
    const user = userEvent.setup();
    const { preview, onFix, onDecide } = renderTable();
    const row = preview.rows[2]!;
    await user.click(screen.getByRole('button', { name: 'Corriger la ligne 4' }));
    await user.click(await screen.findByRole('button', { name: 'Ne pas importer ce champ' }));
    expect(onFix).toHaveBeenCalledWith(row, row.errors[0]!.column, '');
    await user.click(screen.getByRole('button', { name: 'Corriger la ligne 4' }));
    await user.click(await screen.findByRole('button', { name: 'Laisser la ligne de côté' }));
    expect(onDecide).toHaveBeenCalledWith(row, 'leave_out');
  });
});
