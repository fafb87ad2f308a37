import { useCallback, useEffect, useRef, useState } from 'react';
import { graphql } from '../../api/graphql';

/** One page of a cursor-paged list, as the API answers it. */
export interface Connection<N> {
  nodes: N[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface Paged<N> {
  items: N[];
  total: number;
  /** The first page has arrived (it may be empty). */
  loaded: boolean;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  more: () => void;
  reload: () => void;
  /** Local changes after a mutation (prepend, replace, remove) without fetching the pages again. */
  edit: (change: (items: N[]) => N[], totalDelta?: number) => void;
}

interface State<N> {
  items: N[];
  total: number;
  next: string | null;
  loaded: boolean;
  loading: boolean;
  error?: unknown;
}

/**
 * A list that grows with "Show more": the query takes `after`, pages are appended. New variables start
 * over; an answer that arrives after the variables changed is dropped. `pick` and `keyOf` should be
 * module-level functions: they are dependencies of the loader.
 */
export function useConnection<T, N>(query: string, variables: Record<string, unknown>, pick: (data: T) => Connection<N>, keyOf: (node: N) => string): Paged<N> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<State<N>>({ items: [], total: 0, next: null, loaded: false, loading: true });
  const generation = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const mine = after === null ? ++generation.current : generation.current;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      try {
        const page = pick(await graphql<T>(query, { ...(JSON.parse(key) as Record<string, unknown>), after }));
        if (mine !== generation.current) return;
        setState((s) => ({
          items: after ? appendNew(s.items, page.nodes, keyOf) : page.nodes,
          total: page.totalCount,
          next: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null,
          loaded: true,
          loading: false,
        }));
      } catch (error) {
        if (mine === generation.current) setState((s) => ({ ...s, loading: false, error }));
      }
    },
    [query, key, pick, keyOf],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items: state.items,
    total: state.total,
    loaded: state.loaded,
    loading: state.loading,
    error: state.error,
    hasMore: state.next !== null,
    more: () => void (state.next && load(state.next)),
    reload: () => void load(null),
    edit: (change, totalDelta = 0) => setState((s) => ({ ...s, items: change(s.items), total: s.total + totalDelta })),
  };
}

/** An entry added here since the first page (a freshly logged activity) may come again on a later page. */
function appendNew<N>(items: N[], nodes: N[], keyOf: (node: N) => string): N[] {
  const seen = new Set(items.map(keyOf));
  return [...items, ...nodes.filter((n) => !seen.has(keyOf(n)))];
}
