import { contextBridge, ipcRenderer } from 'electron';
import { type DesktopBridge, type IpcChannel, type IpcInput, type IpcOutput } from '../../shared/ipc/contract';

/**
 * The whole preload (architecture.md, rule 2). It runs sandboxed (security checklist, item 4), so it imports only
 * `electron` and types: one function per channel, each a plain `invoke`; `ipcRenderer` itself is never exposed
 * (item 3, context isolation, would be pointless if the page could send anything on any channel). Inputs are checked
 * again in the main process, which trusts nothing from here.
 */
function invoke<C extends IpcChannel>(channel: C, input?: IpcInput<C>): Promise<IpcOutput<C>> {
  return input === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, input);
}

const desktop = {
  getInfo: () => invoke('app:get-info'),
  setLanguage: (input) => invoke('app:set-language', input),
  save: (input) => invoke('file:save', input),
  open: (input) => invoke('file:open', input),
  savePdf: (input) => invoke('print:save-pdf', input),
  openExternal: (input) => invoke('shell:open-external', input),
  getStatus: () => invoke('backup:get-status'),
  writeAutomatic: (input) => invoke('backup:write-automatic', input),
  chooseFolder: (input) => invoke('backup:choose-folder', input),
  setPassphrase: (input) => invoke('backup:set-passphrase', input),
  getTarget: () => invoke('sync:get-target'),
  setTarget: (input) => invoke('sync:set-target', input),
  sendRequest: (input) => invoke('sync:send-request', input),
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('desktop', desktop);
