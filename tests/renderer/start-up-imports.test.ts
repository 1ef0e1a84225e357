import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
/** What the first screen loads: the entry and the landing screen (imported statically by renderer/app/routes.tsx). */
const START_UP_ROOTS = ['renderer/main.tsx', 'renderer/features/volunteers/volunteers-screen.tsx'];

/** Static imports and re-exports of a source file (`import type` and dynamic `import()` left out). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gms)) {
    if (!match[1] && match[2]) specifiers.push(match[2]);
  }
  return specifiers;
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every package and source module reachable from the start-up roots by static imports, with one path to each. */
function startUpGraph(): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const queue = START_UP_ROOTS.map((path) => resolve(root, path));
  queue.forEach((file) => paths.set(file, [relative(root, file)]));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const specifier of staticImports(file)) {
      const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : `package:${specifier}`;
      if (target === null || paths.has(target)) continue;
      paths.set(target, [...(paths.get(file) ?? []), target.startsWith('package:') ? target : relative(root, target)]);
      if (!target.startsWith('package:')) queue.push(target);
    }
  }
  return paths;
}

describe('the start-up modules', () => {
  it('do not import libphonenumber (issue #12: its metadata is a 120 kB chunk; see shared/domain/phone-quick.ts)', () => {
    const graph = startUpGraph();
    expect(graph.size).toBeGreaterThan(50);
    const offending = [...graph].filter(
      ([module]) => module.startsWith('package:libphonenumber-js') || module.endsWith('shared/domain/phone.ts'),
    );
    expect(offending.map(([, path]) => path.join(' > '))).toEqual([]);
  });
});
