/**
 * Tokens and the authenticated fetch used by the generated client.
 *
 * The access token lives in memory only. The rotating refresh token never reaches this code:
 * the server keeps it in an HttpOnly, SameSite=Strict cookie scoped to /api/v1/auth, which
 * no script can read (`X-Levier-Session: cookie` asks for that mode). Storage holds only a
 * hint that a session may exist, so a reload knows to try a silent refresh. On a 401 the
 * fetch refreshes once (one refresh at a time for all concurrent calls, and across tabs under a
 * Web Lock, since the tabs share one rotating cookie and a refresh sent with a cookie another
 * tab has just spent would revoke the session) and retries; if that fails the session ends.
 * A 401 to a call that carried a token ends the session even when the hint is gone (another
 * tab signed out and removed it).
 */

export interface AccessGrant {
  access_token: string;
  expires_in: number;
}

export const SESSION_HINT_KEY = 'levier.session';
export const SESSION_MODE_HEADER = { 'X-Levier-Session': 'cookie' } as const;
const REFRESH_URL = '/api/v1/auth/refresh';

export interface SessionOptions {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  baseFetch: typeof fetch;
  language: () => string;
  onExpired: () => void;
  /** Serialises refreshes across tabs (navigator.locks where the browser has it). */
  locks?: Pick<LockManager, 'request'>;
}

const REFRESH_LOCK = 'levier.refresh';

export class Session {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly options: SessionOptions) {}

  /** Whether a session may exist (a hint, not a secret: the cookie decides). */
  get mayResume(): boolean {
    return this.options.storage.getItem(SESSION_HINT_KEY) === '1';
  }

  get isAuthenticated(): boolean {
    return this.accessToken !== null;
  }

  store(grant: AccessGrant): void {
    this.accessToken = grant.access_token;
    this.options.storage.setItem(SESSION_HINT_KEY, '1');
  }

  clear(): void {
    this.accessToken = null;
    this.options.storage.removeItem(SESSION_HINT_KEY);
  }

  /** Exchange the refresh cookie for a new access token; concurrent callers share one request. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const { locks } = this.options;
    return locks ? await locks.request(REFRESH_LOCK, () => this.sendRefresh()) : this.sendRefresh();
  }

  private async sendRefresh(): Promise<boolean> {
    const response = await this.options.baseFetch(REFRESH_URL, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...SESSION_MODE_HEADER, 'Accept-Language': this.options.language() },
    });
    if (!response.ok) {
      this.clear();
      return false;
    }
    this.store((await response.json()) as AccessGrant);
    return true;
  }

  private withHeaders(request: Request): Request {
    const headers = new Headers(request.headers);
    headers.set('Accept-Language', this.options.language());
    if (this.accessToken) headers.set('Authorization', `Bearer ${this.accessToken}`);
    return new Request(request, { headers });
  }

  /** A fetch adding the bearer token and language, refreshing once on 401. */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const retry = request.clone();
    const carriedToken = this.accessToken !== null;
    const response = await this.options.baseFetch(this.withHeaders(request));
    const path = new URL(request.url, 'http://x').pathname;
    const isAuthCall = path.startsWith('/api/v1/auth/token') || path.startsWith(REFRESH_URL);
    if (response.status !== 401 || isAuthCall || !(carriedToken || this.mayResume)) return response;
    if (await this.refresh()) return this.options.baseFetch(this.withHeaders(retry));
    this.options.onExpired();
    return response;
  };
}
