/** The generated client, wired to the session (bearer token, language, refresh on 401). */
import { client } from '../client/client.gen';
import { currentLanguage } from '../i18n';
import { toApiError } from '../lib/problem';
import { Session } from '../lib/session';

const expiredListeners = new Set<() => void>();

export const session = new Session({
  storage: window.localStorage,
  baseFetch: (input, init) => window.fetch(input, init),
  language: currentLanguage,
  onExpired: () => expiredListeners.forEach((listener) => listener()),
  locks: 'locks' in navigator ? navigator.locks : undefined,
});

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** What one tab tells the others: someone signed in, or the person signed out. */
export type SessionChange = 'signed-in' | 'signed-out';

const channel = 'BroadcastChannel' in window ? new BroadcastChannel('levier.session') : null;

/** Tell the other tabs of this browser (they share the session cookie). */
export function announceSessionChange(change: SessionChange): void {
  channel?.postMessage(change);
}

/** Hear the other tabs' sign-ins and sign-outs. */
export function onSessionChange(listener: (change: SessionChange) => void): () => void {
  const handle = (event: MessageEvent<SessionChange>) => listener(event.data);
  channel?.addEventListener('message', handle);
  return () => channel?.removeEventListener('message', handle);
}

client.setConfig({ baseUrl: '', fetch: session.fetch, throwOnError: true });

interface Result<T> {
  data?: T;
  response: Response;
}

/** Await a generated SDK call: its data, or an ApiError carrying the problem document. */
export async function call<T>(promise: Promise<Result<T>>): Promise<T> {
  try {
    return (await promise).data as T;
  } catch (error) {
    throw toApiError(error);
  }
}

/** Like `call`, with the ETag of the record (for If-Match on the next update). */
export async function callWithETag<T>(
  promise: Promise<Result<T>>,
): Promise<{ data: T; etag: string }> {
  try {
    const { data, response } = await promise;
    return { data: data as T, etag: response.headers.get('ETag') ?? '' };
  } catch (error) {
    throw toApiError(error);
  }
}
