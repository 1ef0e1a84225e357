/** The keyboard shortcuts help: the banner's button, F1 and `?` (issue #13). */
export { ShortcutsHelp } from './shortcuts-dialog';
