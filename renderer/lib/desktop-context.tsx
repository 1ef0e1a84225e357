import { createContext, useContext, type ReactNode } from 'react';
import type { DesktopApi } from './desktop-api';

const DesktopContext = createContext<DesktopApi | null>(null);

/** The desktop API (Electron bridge or browser fallback) for components: files, printing, external links. */
export function DesktopProvider({ api, children }: { api: DesktopApi; children: ReactNode }) {
  return <DesktopContext.Provider value={api}>{children}</DesktopContext.Provider>;
}

export function useDesktop(): DesktopApi {
  const api = useContext(DesktopContext);
  if (!api) throw new Error('useDesktop() outside <DesktopProvider>');
  return api;
}
