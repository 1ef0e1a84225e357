/**
 * The cold-start baseline: a page that opens the app's IndexedDB database with the raw API, reads the first
 * screenful of volunteers through an index cursor (lastName) and writes them as plain rows, then marks itself ready.
 * No framework, no Dexie. Its first paint and its ready mark are the baselines of the app's.
 */
const heading = document.createElement('h1');
heading.textContent = 'Bénévoles';
document.body.append(heading);
const request = indexedDB.open('desk-climat');
request.onsuccess = () => {
  const db = request.result;
  const list = document.createElement('ul');
  const cursor = db.transaction('volunteers').objectStore('volunteers').index('lastName').openCursor();
  cursor.onsuccess = () => {
    const current = cursor.result;
    if (current && list.childElementCount < 50) {
      const value = current.value as { lastName: string; firstName: string; ref: string };
      const item = document.createElement('li');
      item.textContent = `${value.lastName} ${value.firstName} ${value.ref}`;
      list.append(item);
      current.continue();
      return;
    }
    document.body.append(list);
    document.body.setAttribute('data-app-ready', String(list.childElementCount));
    db.close();
  };
};
