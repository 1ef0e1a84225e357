/** The deterministic synthetic dataset (issue #4): the command line's `seed` and the renderer's "Load demo data". */
export { generateSeed, seedInto, type SeedDataset, type SeedOptions } from './seed';
export { parisInstant, PARIS_ZONE } from './plan';
