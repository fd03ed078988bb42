import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { events, type ErrorBody, type SessionView, type StaffView, type StationLink } from '@shared/contract';
import { createApi, type Api } from '../api/client';
import { pickTransport, type ConnectionState, type Transport } from '../api/transport';

const TOKEN_KEY = 'parkdesk.session';
const LINK_KEY = ['station.link'] as const;

interface SessionState {
  api: Api;
  transport: Transport;
  connection: ConnectionState;
  session: SessionView | undefined;
  /** How this screen reaches the counter; undefined until known. */
  link: StationLink | undefined;
  /** Asks again whether this PC is paired (after pairing, or when the counter refused it). */
  relink(): void;
  /** Why the last session ended on its own (idle, disabled), to tell the next person at the sign-in screen. */
  endedBecause: ErrorBody | 'idle' | undefined;
  begin(session: SessionView): void;
  end(reason?: ErrorBody | 'idle'): void;
  updateStaff(staff: StaffView): void;
}

/**
 * The token the API sends. One app runs per page, so one holder per page; kept outside React state
 * so a call made right after sign-in already carries the new token.
 */
const tokenHolder: { current: string | undefined } = { current: storedSession()?.token };

const SessionContext = createContext<SessionState | undefined>(undefined);

function storedSession(): SessionView | undefined {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    return raw ? (JSON.parse(raw) as SessionView) : undefined;
  } catch {
    return undefined;
  }
}

function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const transport = useMemo(() => pickTransport(), []);
  const [session, setSession] = useState<SessionView | undefined>(storedSession);
  const [endedBecause, setEndedBecause] = useState<SessionState['endedBecause']>();
  const [connection, setConnection] = useState<ConnectionState>(transport.kind === 'ipc' ? 'local' : 'connecting');

  const end = useCallback(
    (reason?: ErrorBody | 'idle') => {
      sessionStorage.removeItem(TOKEN_KEY);
      tokenHolder.current = undefined;
      setSession(undefined);
      setEndedBecause(reason);
      // Nothing of the last person's stays on screen; only how this PC reaches the counter is kept.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== LINK_KEY[0] });
    },
    [queryClient],
  );

  const linkQuery = useQuery({ queryKey: LINK_KEY, queryFn: () => transport.link(), staleTime: Infinity, retry: true, retryDelay: 1000 });
  const relink = useCallback(() => void queryClient.invalidateQueries({ queryKey: LINK_KEY }), [queryClient]);
  /** This PC may no longer reach the counter: everyone here is signed out, and it pairs again. */
  const stationRefused = useCallback(
    (body: ErrorBody) => {
      end(body);
      relink();
    },
    [end, relink],
  );

  const api = useMemo(
    () => createApi(transport, () => tokenHolder.current, { onUnauthenticated: (body) => end(body), onStationRefused: stationRefused }),
    [transport, end, stationRefused],
  );

  const begin = useCallback((next: SessionView) => {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(next));
    tokenHolder.current = next.token;
    setEndedBecause(undefined);
    setSession(next);
  }, []);

  const updateStaff = useCallback((staff: StaffView) => {
    setSession((current) => {
      if (!current) return current;
      const next = { ...current, staff };
      sessionStorage.setItem(TOKEN_KEY, JSON.stringify(next));
      return next;
    });
  }, []);

  const token = session?.token;
  useEffect(() => {
    if (!token && transport.kind === 'http') return undefined;
    return transport.live(token, {
      onEvent(event) {
        // A restored database: every screen starts again from sign-in (the screen that restored it
        // has already ended its session with its own words, which stay).
        if (event.name === 'system.restored') {
          if (tokenHolder.current === token) end({ code: 'UNAUTHENTICATED', message: 'maintenance.restoredElsewhere' });
          return;
        }
        for (const method of events[event.name].affects) void queryClient.invalidateQueries({ queryKey: [method] });
        window.dispatchEvent(new CustomEvent('parkdesk:event', { detail: event }));
      },
      onState: setConnection,
      onSessionEnded: () => {
        if (tokenHolder.current === token) end({ code: 'UNAUTHENTICATED', message: 'errors.sessionExpired' });
      },
      onResync: () => void queryClient.invalidateQueries(),
      onStationRevoked: () => stationRefused({ code: 'FORBIDDEN', message: 'stations.errors.revoked' }),
    });
  }, [token, transport, queryClient, end, stationRefused]);

  const link = linkQuery.data;
  const value = useMemo(
    () => ({ api, transport, connection, session, link, relink, endedBecause, begin, end, updateStaff }),
    [api, transport, connection, session, link, relink, endedBecause, begin, end, updateStaff],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function AppDataProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <SessionProvider>{children}</SessionProvider>
    </QueryClientProvider>
  );
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside AppDataProvider');
  return state;
}

export function useApi(): Api {
  return useSession().api;
}
