import { createContext, ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { graphql, onUnauthenticated, setToken } from '../api/graphql';

/** Who is signed in, as the API sees them (`me`). */
export interface Me {
  id: string;
  role: string;
  name: string | null;
  countyCode: string | null;
  county: { code: string; nameFi: string; nameSv: string; nameEn: string } | null;
}

interface Session {
  me: Me | null;
  /** 'oidc' when the provider's session should be ended too on sign-out. */
  via: 'dev' | 'oidc' | null;
  signIn: (token: string, via: 'dev' | 'oidc') => Promise<void>;
  signOut: () => void;
}

const TOKEN_KEY = 'lahde.session';
const ME_QUERY = '{ me { id role name countyCode county { code nameFi nameSv nameEn } } }';
const SessionContext = createContext<Session | null>(null);

/**
 * The bearer token lives in sessionStorage: it survives a reload of the tab but not closing it, and is
 * never sent anywhere but this origin's API.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [via, setVia] = useState<'dev' | 'oidc' | null>(null);
  const [restoring, setRestoring] = useState(true);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setMe(null);
    setVia(null);
  }, []);

  const signIn = useCallback(async (token: string, how: 'dev' | 'oidc') => {
    setToken(token);
    const data = await graphql<{ me: Me }>(ME_QUERY);
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token, via: how }));
    setMe(data.me);
    setVia(how);
  }, []);

  useEffect(() => onUnauthenticated(signOut), [signOut]);
  useEffect(() => {
    const saved = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null') as { token: string; via: 'dev' | 'oidc' } | null;
    if (!saved) return setRestoring(false);
    signIn(saved.token, saved.via)
      .catch(signOut)
      .finally(() => setRestoring(false));
  }, [signIn, signOut]);

  if (restoring) return null;
  return <SessionContext.Provider value={{ me, via, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The signed-in user; only for pages behind sign-in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe before sign-in');
  return me;
}
