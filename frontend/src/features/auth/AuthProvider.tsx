import { notifications } from '@mantine/notifications';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';

import { announceSessionChange, call, onSessionChange, onSessionExpired, session } from '../../api/client';
import { authLogin, authLogout, authReadMe } from '../../client/sdk.gen';
import type { Me, Permission } from '../../client/types.gen';
import i18n, { changeLanguage } from '../../i18n';
import { SESSION_MODE_HEADER } from '../../lib/session';

interface AuthState {
  me: Me | null;
  loading: boolean;
  can: (permission: Permission) => boolean;
  login: (email: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refreshMe: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);
const ME_KEY = ['auth', 'me'];

/**
 * Forget the person and every record loaded for them. The `me` query stays (set to null) so its
 * observer, mounted for the app's lifetime, sees the change: `clear()` would orphan it.
 */
function forgetSession(queryClient: QueryClient): void {
  session.clear();
  queryClient.setQueryData(ME_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
}

/** The signed-in person, after a silent refresh from the session cookie (reload). */
async function loadMe(): Promise<Me | null> {
  if (!session.isAuthenticated && !(session.mayResume && (await session.refresh()))) {
    return null;
  }
  return call(authReadMe());
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: me, isPending } = useQuery({ queryKey: ME_KEY, queryFn: loadMe, retry: false });

  useEffect(
    () =>
      onSessionExpired(() => {
        forgetSession(queryClient);
        // Several calls in flight (a page's and the bell's) find out at once: one message.
        notifications.hide('session-expired');
        notifications.show({ id: 'session-expired', color: 'orange', message: i18n.t('login.expired') });
      }),
    [queryClient],
  );

  // Another tab of this browser signed out, or someone signed in there (the cookie is shared):
  // nothing loaded for the person seen so far stays on screen.
  useEffect(
    () =>
      onSessionChange((change) => {
        forgetSession(queryClient);
        if (change === 'signed-in') {
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
        } else {
          notifications.show({ color: 'orange', message: i18n.t('login.signedOutElsewhere') });
        }
      }),
    [queryClient],
  );

  useEffect(() => {
    if (me?.language) void changeLanguage(me.language);
  }, [me?.language]);

  const login = useCallback(
    async (email: string, password: string) => {
      session.store(
        await call(authLogin({ body: { username: email, password }, headers: SESSION_MODE_HEADER })),
      );
      const current = await call(authReadMe());
      queryClient.setQueryData(ME_KEY, current);
      announceSessionChange('signed-in');
      return current;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await call(authLogout({ headers: SESSION_MODE_HEADER }));
    } catch {
      // The server may already have revoked it: signing out locally is what matters.
    } finally {
      forgetSession(queryClient);
      announceSessionChange('signed-out');
    }
  }, [queryClient]);

  const refreshMe = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [queryClient]);

  const value = useMemo<AuthState>(
    () => ({
      me: me ?? null,
      loading: isPending,
      can: (permission) => Boolean(me?.permissions.includes(permission)),
      login,
      logout,
      refreshMe,
    }),
    [me, isPending, login, logout, refreshMe],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
