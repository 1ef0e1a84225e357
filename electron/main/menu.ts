import { type MenuItemConstructorOptions } from 'electron';
import { type UiLanguage } from './messages';

const LABEL_KEYS = [
  'file',
  'quit',
  'edit',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'selectAll',
  'view',
  'reload',
  'toggleDevTools',
  'resetZoom',
  'zoomIn',
  'zoomOut',
  'toggleFullScreen',
  'window',
  'minimize',
  'close',
  'help',
  'about',
  'services',
  'hide',
  'hideOthers',
  'unhide',
] as const;
export type MenuLabelKey = (typeof LABEL_KEYS)[number];
export const MENU_LABEL_KEYS: readonly MenuLabelKey[] = LABEL_KEYS;

/** Every label in both languages; the type makes a missing translation a compile error. */
export const MENU_LABELS: Readonly<Record<UiLanguage, Readonly<Record<MenuLabelKey, string>>>> = {
  fr: {
    file: 'Fichier',
    quit: 'Quitter Desk Climat',
    edit: 'Édition',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    view: 'Affichage',
    reload: 'Recharger',
    toggleDevTools: 'Outils de développement',
    resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    toggleFullScreen: 'Plein écran',
    window: 'Fenêtre',
    minimize: 'Réduire',
    close: 'Fermer la fenêtre',
    help: 'Aide',
    about: 'À propos de Desk Climat',
    services: 'Services',
    hide: 'Masquer Desk Climat',
    hideOthers: 'Masquer les autres',
    unhide: 'Tout afficher',
  },
  en: {
    file: 'File',
    quit: 'Quit Desk Climat',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
    help: 'Help',
    about: 'About Desk Climat',
    services: 'Services',
    hide: 'Hide Desk Climat',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
};

export interface MenuOptions {
  readonly isMac: boolean;
  /** Developer tools only in an unpackaged app: a packaged desk has no console to open. */
  readonly isPackaged: boolean;
}

/**
 * The application menu, built from roles only (no custom click handler reaches the renderer): labels come from the
 * table above so that the menu speaks the UI's language instead of the system's.
 */
export function buildMenuTemplate(language: UiLanguage, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[language];
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const macApp: MenuItemConstructorOptions = {
    label: 'Desk Climat',
    submenu: [
      { role: 'about', label: t.about },
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      separator,
      { role: 'quit', label: t.quit },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [options.isMac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit }],
  };
  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { role: 'reload', label: t.reload },
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools', label: t.toggleDevTools } as const]),
      separator,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'close', label: t.close },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: t.help,
    submenu: [{ role: 'about', label: t.about }],
  };
  return options.isMac
    ? [macApp, file, edit, view, windowMenu, { ...help, role: 'help' }]
    : [file, edit, view, windowMenu, help];
}
