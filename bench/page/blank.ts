/**
 * The cold-start baseline: a page that opens the app's IndexedDB database with the raw API and reads the first
 * screenful of volunteers through an index cursor (lastName), then marks itself ready. No framework, no Dexie.
 */
const request = indexedDB.open('desk-climat');
request.onsuccess = () => {
  const db = request.result;
  const rows: unknown[] = [];
  const cursor = db.transaction('volunteers').objectStore('volunteers').index('lastName').openCursor();
  cursor.onsuccess = () => {
    const current = cursor.result;
    if (current && rows.length < 50) {
      rows.push(current.value);
      current.continue();
      return;
    }
    document.body.setAttribute('data-app-ready', String(rows.length));
    db.close();
  };
};
