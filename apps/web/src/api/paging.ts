import { useCallback, useEffect, useRef, useState } from 'react';
import { graphql } from './graphql';

/** One page of a cursor-paged list, as the API answers it. */
export interface Connection<N> {
  totalCount: number;
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface Paged<N> {
  nodes: N[];
  totalCount: number;
  hasNextPage: boolean;
  /** A first page has arrived (it may be empty) and stays shown until the next one replaces it; a failed one clears it. */
  loaded: boolean;
  /** The first page (of new variables, or again after `reload`) is on its way. */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Local changes after a mutation (prepend, replace, remove) without fetching the pages again. */
  edit: (change: (nodes: N[]) => N[], totalDelta?: number) => void;
}

interface PagedOptions<N> {
  pageSize?: number;
  /** Given, a later page leaves out what the list already holds: an entry added by `edit` may come again. */
  keyOf?: (node: N) => string;
}

type PageState<N> = Omit<Paged<N>, 'loadMore' | 'reload' | 'edit'> & { endCursor: string | null };

const START: PageState<never> = { nodes: [], totalCount: 0, hasNextPage: false, endCursor: null, loaded: false, loading: true, loadingMore: false, error: undefined };

/**
 * A cursor-paged list that grows page by page ("Show more"). `field` names the connection in the
 * answer; the query declares `$first: Int!` and `$after: String`. New variables start over.
 */
export function usePaged<N>(query: string, field: string, variables: Record<string, unknown>, { pageSize = 50, keyOf }: PagedOptions<N> = {}): Paged<N> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<PageState<N>>(START);
  const [generation, setGeneration] = useState(0);
  // Answers to older variables (or from before a reload) must not land in the newer list.
  const current = useRef(0);

  const fetchPage = useCallback(
    (after: string | null) => graphql<Record<string, Connection<N>>>(query, { ...(JSON.parse(key) as Record<string, unknown>), first: pageSize, after }).then((data) => data[field]),
    [query, field, key, pageSize],
  );

  useEffect(() => {
    const ticket = ++current.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fetchPage(null).then(
      (page) => ticket === current.current && setState({ ...pageFields(page), nodes: page.nodes, loaded: true, loading: false, loadingMore: false, error: undefined }),
      (error: unknown) => ticket === current.current && setState((s) => ({ ...s, nodes: [], loaded: false, loading: false, error })),
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
      (page) => ticket === current.current && setState((prev) => ({ ...prev, ...pageFields(page), nodes: appendNew(prev.nodes, page.nodes, keyOf), loadingMore: false })),
      (error: unknown) => ticket === current.current && setState((prev) => ({ ...prev, loadingMore: false, error })),
    );
  }, [fetchPage, keyOf]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const edit = useCallback(
    (change: (nodes: N[]) => N[], totalDelta = 0) => setState((s) => ({ ...s, nodes: change(s.nodes), totalCount: s.totalCount + totalDelta })),
    [],
  );
  return { nodes: state.nodes, totalCount: state.totalCount, hasNextPage: state.hasNextPage, loaded: state.loaded, loading: state.loading, loadingMore: state.loadingMore, error: state.error, loadMore, reload, edit };
}

function pageFields<N>(page: Connection<N>) {
  return { totalCount: page.totalCount, endCursor: page.pageInfo.endCursor, hasNextPage: page.pageInfo.hasNextPage };
}

function appendNew<N>(nodes: N[], page: N[], keyOf: ((node: N) => string) | undefined): N[] {
  if (!keyOf) return [...nodes, ...page];
  const seen = new Set(nodes.map(keyOf));
  return [...nodes, ...page.filter((n) => !seen.has(keyOf(n)))];
}

/** Every node of a connection, fetched 200 at a time (option lists: units, organisations). */
export function useAll<N>(query: string, field: string, variables: Record<string, unknown> = {}): { nodes: N[] | undefined; error: unknown; reload: () => void } {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ nodes?: N[]; error?: unknown }>({});
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      const nodes: N[] = [];
      let after: string | null = null;
      do {
        const data: Record<string, Connection<N>> = await graphql(query, { ...(JSON.parse(key) as Record<string, unknown>), first: 200, after });
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
