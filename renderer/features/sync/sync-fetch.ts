import type { IpcInput } from '../../../shared/ipc/contract';
import type { FetchLike } from '../../../shared/sync/couch-client';
import type { DesktopApi } from '../../lib/desktop-api';

/**
 * The `fetch` the replicator gets (issue 14). In Electron every request goes through main (`sync:send-request`),
 * which allows the configured origin alone and adds the credentials it keeps; the renderer's CSP allows no network.
 * In a browser it is `window.fetch`, which the web server's CSP header limits to the sync origin.
 */
export function createSyncFetch(desktop: DesktopApi, win: Pick<Window, 'fetch'> = window): FetchLike {
  if (desktop.kind !== 'electron') return (url, init) => win.fetch(url, init);
  return async (url, init) => {
    const result = await desktop.sendRequest({
      url,
      method: (init.method ?? 'GET').toUpperCase() as IpcInput<'sync:send-request'>['method'],
      headers: headersOf(init.headers),
      body: typeof init.body === 'string' ? init.body : null,
    });
    // A refusal or a network failure looks like fetch's own failure: the replicator reports the server unreachable.
    if (result.status !== 'response') throw new TypeError(result.message);
    const empty = NULL_BODY_STATUS.has(result.code);
    return new Response(empty ? null : result.body, { status: result.code });
  };
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  const plain: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    plain[name] = value;
  });
  return plain;
}
