/*
 * The one plain script of index.html: it runs before every module script (copied as-is from renderer/public by Vite).
 */

/*
 * zod 4 compiles object parsers with `new Function` when it can, and finds out by trying once as each object schema
 * is built. Under the strict CSP (script-src 'self', no 'unsafe-eval') the attempt is refused and reported as a CSP
 * violation, even though zod catches it. `jitless` skips the attempt. zod reads its configuration from this global,
 * and schemas are built as their chunk is evaluated — before any module of ours could call z.config() — so it is set
 * here.
 */
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });

/*
 * Issue #12 (interactive in under 1.5 s): opening the database is a few hundred milliseconds of waiting on the disk,
 * and the app's own open (Dexie, renderer/db/open-database.ts) can only start once its modules have loaded and run.
 * Opening it here, while they load, lets the browser read the database's files in the meantime; the connection is
 * closed at once, so the app's open (or a version upgrade it brings) never waits for it. On a first start there is no
 * database yet: the creation is aborted, so that Dexie creates it with its schema as before. The name is
 * DATABASE_NAME in renderer/db/database.ts.
 */
(function openDatabaseEarly() {
  if (typeof indexedDB === 'undefined') return;
  try {
    var request = indexedDB.open('desk-climat');
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onsuccess = function () {
      request.result.close();
    };
    request.onerror = function (event) {
      event.preventDefault();
    };
  } catch {
    // A browser that refuses storage: the app reports it when it opens the database itself.
  }
})();
