import { describe, expect, it } from 'vitest';
import type { IpcInput, IpcOutput } from '../../../shared/ipc/contract';
import { createBrowserFallback, type DesktopApi } from '../../../renderer/lib/desktop-api';
import { createSyncFetch } from '../../../renderer/features/sync/sync-fetch';

/** `window.desktop` is the process edge: a fake bridge records what would cross the IPC. */
function electronWith(answer: IpcOutput<'sync:send-request'>) {
  const sent: IpcInput<'sync:send-request'>[] = [];
  const desktop: DesktopApi = {
    ...createBrowserFallback(window),
    kind: 'electron',
    async sendRequest(input) {
      sent.push(input);
      return answer;
    },
  };
  return { desktop, sent };
}

describe('the fetch given to the replicator', () => {
  it('in Electron, sends the request through main and reads its answer as a Response', async () => {
    const { desktop, sent } = electronWith({ status: 'response', code: 409, body: '{"error":"conflict"}' });
    const response = await createSyncFetch(desktop)('https://couch.example.org/asso/_bulk_docs', {
      method: 'post',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"docs":[]}',
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: 'conflict' });
    expect(sent).toEqual([
      {
        url: 'https://couch.example.org/asso/_bulk_docs',
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: '{"docs":[]}',
      },
    ]);
  });

  it('in Electron, a refusal or a network failure rejects like fetch does', async () => {
    const { desktop } = electronWith({ status: 'refused', message: 'autre origine' });
    await expect(createSyncFetch(desktop)('https://ailleurs.example.org/', { method: 'GET' })).rejects.toThrow(
      TypeError,
    );
  });

  it('in a browser, is window.fetch', async () => {
    const calls: string[] = [];
    const fakeWindow = {
      fetch: async (url: RequestInfo | URL) => {
        calls.push(String(url));
        return new Response('{}', { status: 200 });
      },
    } as Pick<Window, 'fetch'>;
    const response = await createSyncFetch(createBrowserFallback(window), fakeWindow)('http://127.0.0.1:5984/', {});
    expect(response.status).toBe(200);
    expect(calls).toEqual(['http://127.0.0.1:5984/']);
  });
});
