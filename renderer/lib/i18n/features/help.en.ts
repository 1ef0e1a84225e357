import type { helpFr } from './help.fr';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The keyboard shortcuts help in English: key for key with French (the type checks it). */
export const helpEn: Widen<typeof helpFr> = {
  button: 'Keyboard shortcuts',
  buttonHint: '(? or F1)',
  title: 'Keyboard shortcuts',
  intro: 'Everything can be done with the keyboard. These keys work everywhere in the app unless stated otherwise.',
  close: 'Close',
  keyColumn: 'Key',
  actionColumn: 'Action',
  everywhere: {
    title: 'Everywhere',
    help: 'Show this list (outside a text field for ?)',
    tab: 'Go to the next field or button (Shift+Tab: previous)',
    enter: 'Submit the form or activate the button',
    space: 'Tick a box, activate a button',
    arrows: 'Move within a list, a menu or a choice',
    escape: 'Close a dialog or a drop-down list',
    skip: 'First Tab on a page: the “Skip to content” link',
  },
  desk: {
    title: 'At the desk (during a shift)',
    type: 'Type a name, an e-mail, a phone number or scan the card: the search takes what you type',
    arrows: 'Choose the person in the results',
    enter: 'Check in (or sign the person up if unknown)',
    f2: 'Check out',
    f4: 'Mark a no-show',
    f7: 'Mark a late cancellation',
    f9: 'New person (walk-in)',
    undo: 'Undo the last action',
    escape: 'Clear the search',
  },
  keys: {
    help: '? or F1',
    tab: 'Tab',
    enter: 'Enter',
    space: 'Space',
    arrows: '↑ ↓ ← →',
    escape: 'Esc',
    type: 'Letters, digits',
    upDown: '↑ ↓',
    f2: 'F2 or Ctrl+Enter',
    f4: 'F4',
    f7: 'F7',
    f9: 'F9',
    undo: 'Ctrl+Z',
  },
};
