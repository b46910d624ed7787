import { describe, expect, it, vi } from 'vitest';

import { SESSION_HINT_KEY, Session } from '../src/lib/session';

class MemoryStorage {
  private values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
}

// The refresh token stays in the server's HttpOnly cookie: the body brings only the access token.
const pair = (n: number) => ({ access_token: `access-${n}`, refresh_token: null, expires_in: 900 });
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup(handler: (request: Request) => Response | Promise<Response>) {
  const storage = new MemoryStorage();
  const seen: Request[] = [];
  const onExpired = vi.fn();
  const baseFetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input instanceof Request ? input.url : input), 'http://levier.test'), init ?? (input instanceof Request ? input : undefined));
    seen.push(request);
    return handler(request);
  }) as unknown as typeof fetch;
  const session = new Session({ storage, baseFetch, language: () => 'en', onExpired });
  return { session, storage, seen, onExpired };
}

describe('Session.fetch', () => {
  it('sends the bearer token and the language', async () => {
    const { session, seen } = setup(() => json(200, {}));
    session.store(pair(1));
    await session.fetch('http://levier.test/api/v1/auth/me');
    expect(seen[0].headers.get('Authorization')).toBe('Bearer access-1');
    expect(seen[0].headers.get('Accept-Language')).toBe('en');
  });

  it('refreshes once on 401, stores the rotated token and retries', async () => {
    const { session, storage, seen } = setup((request) => {
      if (request.url.endsWith('/auth/refresh')) return json(200, pair(2));
      return request.headers.get('Authorization') === 'Bearer access-2' ? json(200, { ok: true }) : json(401, {});
    });
    session.store(pair(1));
    const response = await session.fetch('http://levier.test/api/v1/organisations');
    expect(response.status).toBe(200);
    expect(storage.getItem(SESSION_HINT_KEY)).toBe('1');
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual([
      '/api/v1/organisations',
      '/api/v1/auth/refresh',
      '/api/v1/organisations',
    ]);
  });

  it('shares one refresh between concurrent calls', async () => {
    let refreshes = 0;
    const { session } = setup((request) => {
      if (request.url.endsWith('/auth/refresh')) {
        refreshes += 1;
        return json(200, pair(2));
      }
      return request.headers.get('Authorization') === 'Bearer access-2' ? json(200, {}) : json(401, {});
    });
    session.store(pair(1));
    await Promise.all([1, 2, 3].map(() => session.fetch('http://levier.test/api/v1/users')));
    expect(refreshes).toBe(1);
  });

  it('ends the session when the refresh token is refused', async () => {
    const { session, storage, onExpired } = setup(() => json(401, {}));
    session.store(pair(1));
    const response = await session.fetch('http://levier.test/api/v1/users');
    expect(response.status).toBe(401);
    expect(storage.getItem(SESSION_HINT_KEY)).toBeNull();
    expect(onExpired).toHaveBeenCalledOnce();
  });

  it('never refreshes for a failed sign-in', async () => {
    const { session, seen } = setup(() => json(401, {}));
    session.store(pair(1));
    await session.fetch('http://levier.test/api/v1/auth/token', { method: 'POST' });
    expect(seen).toHaveLength(1);
  });

  it('sends the same body again when it retries after a refresh', async () => {
    const bodies: string[] = [];
    const { session } = setup(async (request) => {
      if (request.url.endsWith('/auth/refresh')) return json(200, pair(2));
      bodies.push(await request.text());
      return request.headers.get('Authorization') === 'Bearer access-2' ? json(201, {}) : json(401, {});
    });
    session.store(pair(1));
    const response = await session.fetch('http://levier.test/api/v1/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'camille@example.org' }),
    });
    expect(response.status).toBe(201);
    expect(bodies).toEqual(['{"email":"camille@example.org"}', '{"email":"camille@example.org"}']);
  });

  it('asks for the refresh in cookie mode, with no token in the body or in storage', async () => {
    const { session, storage, seen } = setup((request) =>
      request.url.endsWith('/auth/refresh') ? json(200, pair(2)) : json(401, {}),
    );
    session.store(pair(1));
    await session.refresh();
    const refresh = seen.find((r) => r.url.endsWith('/auth/refresh'))!;
    expect(refresh.headers.get('X-Levier-Session')).toBe('cookie');
    expect(await refresh.text()).toBe('');
    expect(JSON.stringify([...storage['values'].values()])).not.toContain('refresh');
  });

  it('signs out without a session hint: nothing to try', async () => {
    const { session, onExpired, seen } = setup(() => json(401, {}));
    const response = await session.fetch('http://levier.test/api/v1/auth/me');
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('ends the session on a 401 after another tab signed out and removed the hint', async () => {
    const { session, storage, onExpired, seen } = setup(() => json(401, {}));
    session.store(pair(1));
    storage.removeItem(SESSION_HINT_KEY);
    const response = await session.fetch('http://levier.test/api/v1/participants');
    expect(response.status).toBe(401);
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/participants', '/api/v1/auth/refresh']);
    expect(onExpired).toHaveBeenCalledOnce();
    expect(session.isAuthenticated).toBe(false);
  });

  it('refreshes under a lock shared with the other tabs', async () => {
    const held: string[] = [];
    const locks = {
      request: vi.fn(async (name: string, callback: () => Promise<boolean>) => {
        held.push(name);
        return callback();
      }),
    } as unknown as Pick<LockManager, 'request'>;
    const storage = new MemoryStorage();
    const baseFetch = vi.fn(async () => json(200, pair(2))) as unknown as typeof fetch;
    const session = new Session({ storage, baseFetch, language: () => 'fr', onExpired: vi.fn(), locks });
    expect(await session.refresh()).toBe(true);
    expect(held).toEqual(['levier.refresh']);
    expect(session.isAuthenticated).toBe(true);
  });
});
