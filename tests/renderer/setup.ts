// Real Dexie over an in-memory IndexedDB implementation (architecture.md, rule 12: no mock of the database).
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
