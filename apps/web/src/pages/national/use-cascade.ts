import { useCallback, useMemo, useState } from 'react';
import { graphql } from '../../api/graphql';
import { useQuery } from '../../api/hooks';
import { CASCADE, CascadeNode } from './api';

/** A node of the tree with the ids of its children, or null while they have not been fetched. */
export type TreeNode = Omit<CascadeNode, 'children'> & { childIds: string[] | null };

/** The depth asked for below a node: a trainer's key workers are the last level. */
const depthBelow = (node: Pick<CascadeNode, 'kind'>) => (node.kind === 'TRAINER' ? 1 : 2);

/**
 * The cascade as a lazily grown tree: the first answer holds two levels below the caller's root (THL
 * for national roles, their county for county roles); opening a node whose children were not in any
 * answer yet asks for the subtree below it.
 */
export function useCascade() {
  const initial = useQuery<{ cascade: CascadeNode }>(CASCADE, { depth: 2 });
  const [subtrees, setSubtrees] = useState<{ node: CascadeNode; depth: number }[]>([]);
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Readonly<Record<string, unknown>>>({});

  const nodes = useMemo(() => {
    const map = new Map<string, TreeNode>();
    if (initial.data) index(initial.data.cascade, 2, map);
    subtrees.forEach((subtree) => index(subtree.node, subtree.depth, map));
    return map;
  }, [initial.data, subtrees]);

  const load = useCallback(async (node: TreeNode) => {
    const depth = depthBelow(node);
    setLoading((ids) => new Set(ids).add(node.id));
    setErrors(({ [node.id]: _, ...rest }) => rest);
    try {
      const data = await graphql<{ cascade: CascadeNode }>(CASCADE, { rootId: node.id, depth });
      setSubtrees((list) => [...list, { node: data.cascade, depth }]);
    } catch (error) {
      setErrors((all) => ({ ...all, [node.id]: error }));
    } finally {
      setLoading((ids) => new Set([...ids].filter((id) => id !== node.id)));
    }
  }, []);

  return { initial, rootId: initial.data?.cascade.id, nodes, load, loading, errors };
}

export type Cascade = ReturnType<typeof useCascade>;

/** Adds a node and `levels` levels below it; a node at the edge of an answer keeps children fetched earlier. */
function index(node: CascadeNode, levels: number, into: Map<string, TreeNode>): void {
  const { children, ...fields } = node;
  const known = into.get(node.id)?.childIds ?? null;
  const childIds = levels > 0 ? children.map((c) => c.id) : node.branching === 0 ? [] : known;
  into.set(node.id, { ...fields, childIds });
  if (levels > 0) children.forEach((child) => index(child, levels - 1, into));
}
