import type { FetchLike } from '../../shared/sync/couch-client';
import type { RelayedRequest, RelayedResponse } from './sync-worker-protocol';

/**
 * The sync Worker's HTTP, relayed through the page (issue 14). Why the Worker does not fetch by itself:
 * - in Electron the renderer has no network at all (CSP `connect-src 'self'`); requests go to main over the typed
 *   IPC channel, which only the page reaches (`window.desktop`, from the preload), never a Worker;
 * - in a browser the sync origin is allowed by the page's CSP header; relaying keeps one path for both, so the
 *   requests the app makes are exactly those the page's fetch allows, whatever policy a Worker would get.
 * A request and its answer are small JSON texts (a batch of 200 documents), so crossing `postMessage` costs little
 * beside the merge, the settling and the IndexedDB writes, which are what would block the page and stay in the Worker.
 */

/** The Worker's side: a `fetch` that posts each request to the page and resolves when the page answers. */
export function createRelayedFetch(post: (request: RelayedRequest) => void): {
  readonly fetch: FetchLike;
  receive(response: RelayedResponse): void;
} {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (response: Response) => void; reject: (error: unknown) => void }>();
  return {
    fetch(url, init) {
      const id = nextId++;
      const signal = init.signal ?? null;
      return new Promise<Response>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError());
        waiting.set(id, { resolve, reject });
        // The client's timeout aborts: the answer, if it ever comes, is dropped.
        signal?.addEventListener('abort', () => {
          if (waiting.delete(id)) reject(abortError());
        });
        post({
          id,
          url,
          method: (init.method ?? 'GET').toUpperCase(),
          headers: headersOf(init.headers),
          body: typeof init.body === 'string' ? init.body : null,
        });
      });
    },
    receive(response) {
      const pending = waiting.get(response.id);
      if (!pending) return;
      waiting.delete(response.id);
      if (!response.ok) return pending.reject(new TypeError(response.message));
      const empty = NULL_BODY_STATUS.has(response.status);
      pending.resolve(new Response(empty ? null : response.body, { status: response.status }));
    },
  };
}

/** The page's side: send the Worker's request with the app's fetch and give back the status and the text. */
export async function answerRelayedRequest(fetch: FetchLike, request: RelayedRequest): Promise<RelayedResponse> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? undefined,
    });
    return { id: request.id, ok: true, status: response.status, body: await response.text() };
  } catch (error) {
    // fetch's own failure (no answer): the Worker's client reports the server unreachable, as it would inline.
    return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

function headersOf(headers: RequestInit['headers']): Record<string, string> {
  const plain: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    plain[name] = value;
  });
  return plain;
}

function abortError(): Error {
  return new DOMException('The request was aborted', 'AbortError');
}
