import { useCallback, useEffect, useRef, useState } from 'react';
import { graphql } from '../../api/graphql';
import { Connection } from './queries';

export interface PagedState<T> {
  nodes: T[];
  totalCount: number;
  hasNextPage: boolean;
  /** The first page (of new variables, or again after `reload`) is on its way. */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A cursor-paged list that grows page by page ("Show more"). `field` names the connection in the
 * answer; the query declares `$first: Int!` and `$after: String`. New variables start over.
 */
export function usePaged<T>(query: string, field: string, variables: Record<string, unknown>, pageSize = 50): PagedState<T> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ nodes: T[]; totalCount: number; endCursor: string | null; hasNextPage: boolean; loading: boolean; loadingMore: boolean; error: unknown }>({
    nodes: [],
    totalCount: 0,
    endCursor: null,
    hasNextPage: false,
    loading: true,
    loadingMore: false,
    error: undefined,
  });
  const [generation, setGeneration] = useState(0);
  // Answers to an older filter must not land in the list of a newer one.
  const current = useRef(0);

  const fetchPage = useCallback(
    (after: string | null) => graphql<Record<string, Connection<T>>>(query, { ...(JSON.parse(key) as Record<string, unknown>), first: pageSize, after }).then((data) => data[field]),
    [query, field, key, pageSize],
  );

  useEffect(() => {
    const ticket = ++current.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fetchPage(null).then(
      (page) => ticket === current.current && setState({ nodes: page.nodes, totalCount: page.totalCount, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage, loading: false, loadingMore: false, error: undefined }),
      (error: unknown) => ticket === current.current && setState((s) => ({ ...s, nodes: [], loading: false, error })),
    );
  }, [fetchPage, generation]);

  // Read by loadMore without re-creating it: a setState updater must stay free of side effects.
  const latest = useRef(state);
  latest.current = state;
  const loadMore = useCallback(() => {
    const s = latest.current;
    if (s.loading || s.loadingMore || !s.hasNextPage) return;
    const ticket = current.current;
    latest.current = { ...s, loadingMore: true };
    setState((prev) => ({ ...prev, loadingMore: true, error: undefined }));
    fetchPage(s.endCursor).then(
      (page) =>
        ticket === current.current &&
        setState((prev) => ({ ...prev, nodes: [...prev.nodes, ...page.nodes], totalCount: page.totalCount, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage, loadingMore: false })),
      (error: unknown) => ticket === current.current && setState((prev) => ({ ...prev, loadingMore: false, error })),
    );
  }, [fetchPage]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, loadMore, reload };
}

/** Every node of a connection, fetched 200 at a time (option lists: units, organisations). */
export function useAll<T>(query: string, field: string, variables: Record<string, unknown> = {}): { nodes: T[] | undefined; error: unknown; reload: () => void } {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ nodes?: T[]; error?: unknown }>({});
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      const nodes: T[] = [];
      let after: string | null = null;
      do {
        const data: Record<string, Connection<T>> = await graphql(query, { ...(JSON.parse(key) as Record<string, unknown>), first: 200, after });
        nodes.push(...data[field].nodes);
        after = data[field].pageInfo.hasNextPage ? data[field].pageInfo.endCursor : null;
      } while (after && live);
      if (live) setState({ nodes });
    })().catch((error: unknown) => live && setState({ error }));
    return () => {
      live = false;
    };
  }, [query, field, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { nodes: state.nodes, error: state.error, reload };
}
