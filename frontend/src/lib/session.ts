/**
 * Tokens and the authenticated fetch used by the generated client.
 *
 * The access token lives in memory only; the rotating refresh token in localStorage so a
 * reload keeps the session. On a 401 the fetch refreshes once (one refresh at a time for all
 * concurrent calls) and retries; if that fails the session ends.
 */

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

export const REFRESH_KEY = 'levier.refresh';
const REFRESH_URL = '/api/v1/auth/refresh';

export interface SessionOptions {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  baseFetch: typeof fetch;
  language: () => string;
  onExpired: () => void;
}

export class Session {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly options: SessionOptions) {}

  get hasRefreshToken(): boolean {
    return Boolean(this.options.storage.getItem(REFRESH_KEY));
  }

  get isAuthenticated(): boolean {
    return this.accessToken !== null;
  }

  store(pair: TokenPair): void {
    this.accessToken = pair.access_token;
    this.options.storage.setItem(REFRESH_KEY, pair.refresh_token);
  }

  clear(): void {
    this.accessToken = null;
    this.options.storage.removeItem(REFRESH_KEY);
  }

  refreshToken(): string | null {
    return this.options.storage.getItem(REFRESH_KEY);
  }

  /** Exchange the refresh token for a new pair; concurrent callers share one request. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const token = this.refreshToken();
    if (!token) return false;
    const response = await this.options.baseFetch(REFRESH_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': this.options.language() },
      body: JSON.stringify({ refresh_token: token }),
    });
    if (!response.ok) {
      this.clear();
      return false;
    }
    this.store((await response.json()) as TokenPair);
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
    const response = await this.options.baseFetch(this.withHeaders(request));
    const isAuthCall = new URL(request.url, 'http://x').pathname.startsWith('/api/v1/auth/token');
    if (response.status !== 401 || isAuthCall || !this.hasRefreshToken) return response;
    if (await this.refresh()) return this.options.baseFetch(this.withHeaders(retry));
    this.options.onExpired();
    return response;
  };
}
