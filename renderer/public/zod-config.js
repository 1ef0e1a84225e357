/*
 * zod 4 compiles object parsers with `new Function` when it can, and finds out by trying once as each object schema
 * is built. Under the strict CSP (script-src 'self', no 'unsafe-eval') the attempt is refused and reported as a CSP
 * violation, even though zod catches it. `jitless` skips the attempt. zod reads its configuration from this global,
 * and schemas are built as their chunk is evaluated — before any module of ours could call z.config() — so this plain
 * script, which runs before every module script, sets it. Copied as-is from renderer/public by Vite.
 */
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
