#!/usr/bin/env node
// The `desk` command line: registers tsx's loader in this process, then runs the TypeScript entry point, so the bin
// and `npm run desk` run the very same code (tsx is pinned in devDependencies).
import { register } from 'tsx/esm/api';

register();
const { runDesk } = await import('../desk.ts');
process.exitCode = await runDesk(process.argv.slice(2));
