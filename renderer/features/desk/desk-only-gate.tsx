import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useDeskOnly } from './desk-hooks';

/** In desk-only mode every other screen sends back to the desk: leaving takes the coordinator's PIN. */
export function DeskOnlyGate({ children }: { children: ReactNode }) {
  const deskOnly = useDeskOnly();
  const { pathname } = useLocation();
  if (deskOnly && !pathname.startsWith('/desk')) return <Navigate to="/desk" replace />;
  return children;
}
