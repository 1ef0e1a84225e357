export { DeskScreen } from './desk-screen';
export { DeskOnlyGate } from './desk-only-gate';
export { useDeskOnly } from './desk-hooks';
export { SignInSheetPage } from './sign-in-sheet';
export { PaperEntryPage } from './paper-entry';
export { PinSettingsSection } from './pin-settings';
