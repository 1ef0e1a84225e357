// Real Dexie over an in-memory IndexedDB implementation (architecture.md, rule 12: no mock of the database).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Screens are lazy chunks (issue #12): on a loaded 2-core machine the first one can take over the library's default
// 1 s to arrive. A longer budget for findBy/waitFor, not a timing assertion: a screen that never comes still fails.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => cleanup());
