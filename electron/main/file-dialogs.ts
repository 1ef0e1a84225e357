import { type FileFilter } from 'electron';

/**
 * The native dialogs as two small functions, so that the file services can be tested without Electron: each returns
 * the chosen path, or null when the user cancels.
 */
export interface FileDialogs {
  chooseSavePath(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  chooseOpenPath(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
}
