import { type MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, MENU_LABEL_KEYS, MENU_LABELS } from '../../../electron/main/menu';
import { uiLanguageFor } from '../../../electron/main/messages';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

describe('the application menu', () => {
  it.each(['fr', 'en'] as const)('has every label in %s, none empty', (language) => {
    expect(Object.keys(MENU_LABELS[language]).sort()).toEqual([...MENU_LABEL_KEYS].sort());
    for (const label of Object.values(MENU_LABELS[language])) expect(label.trim()).not.toBe('');
  });

  it('is French by default and English only for an English UI', () => {
    expect(uiLanguageFor('fr-FR')).toBe('fr');
    expect(uiLanguageFor('fr')).toBe('fr');
    expect(uiLanguageFor('de-DE')).toBe('fr');
    expect(uiLanguageFor('')).toBe('fr');
    expect(uiLanguageFor(undefined)).toBe('fr');
    expect(uiLanguageFor('en')).toBe('en');
    expect(uiLanguageFor('en-GB')).toBe('en');
    expect(uiLanguageFor('eng')).toBe('fr');
  });

  it.each([
    [false, 'fr'],
    [true, 'fr'],
    [false, 'en'],
    [true, 'en'],
  ] as const)('on mac=%s in %s, every visible label comes from the table', (isMac, language) => {
    const items = flatten(buildMenuTemplate(language, { isMac, isPackaged: true }));
    const labels = new Set(Object.values(MENU_LABELS[language]));
    for (const item of items) {
      if (item.type === 'separator') continue;
      expect(item.label === 'Desk Climat' || labels.has(item.label ?? '')).toBe(true);
    }
  });

  it('speaks French: Fichier, Édition, Affichage, Fenêtre, Aide', () => {
    const top = buildMenuTemplate('fr', { isMac: false, isPackaged: true }).map((item) => item.label);
    expect(top).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    const english = buildMenuTemplate('en', { isMac: false, isPackaged: true }).map((item) => item.label);
    expect(english).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('uses roles only (no click handler) and offers developer tools only when unpackaged', () => {
    const packaged = flatten(buildMenuTemplate('fr', { isMac: false, isPackaged: true }));
    expect(packaged.some((item) => 'click' in item)).toBe(false);
    expect(packaged.some((item) => item.role === 'toggleDevTools')).toBe(false);
    const dev = flatten(buildMenuTemplate('fr', { isMac: false, isPackaged: false }));
    expect(dev.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
