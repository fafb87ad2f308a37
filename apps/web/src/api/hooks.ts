import { useCallback, useEffect, useRef, useState } from 'react';
import { graphql } from './graphql';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs a query when mounted and whenever its variables change; `skip` holds it back. */
export function useQuery<T>(query: string, variables: Record<string, unknown> = {}, options: { skip?: boolean } = {}): QueryState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: !options.skip });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    graphql<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [query, key, generation, options.skip]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface MutationState<T, V> {
  run: (variables: V) => Promise<T | undefined>;
  error: unknown;
  running: boolean;
  reset: () => void;
}

/** A mutation: `run` resolves with the data, or with undefined after keeping the error for the form. */
export function useMutation<T, V extends Record<string, unknown> = Record<string, unknown>>(mutation: string): MutationState<T, V> {
  const [error, setError] = useState<unknown>();
  const [running, setRunning] = useState(false);
  const mounted = useRef(true);
  // Set on every mount: StrictMode mounts, unmounts and mounts again in development.
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  const run = useCallback(
    async (variables: V) => {
      setRunning(true);
      setError(undefined);
      try {
        return await graphql<T>(mutation, variables);
      } catch (e) {
        if (mounted.current) setError(e);
        return undefined;
      } finally {
        if (mounted.current) setRunning(false);
      }
    },
    [mutation],
  );
  return { run, error, running, reset: () => setError(undefined) };
}

/** Re-runs `tick` every `ms` while `active` (progress of jobs). */
export function usePolling(active: boolean, tick: () => void, ms = 1000): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  }, [active, tick, ms]);
}
