// The anon_vma family forest of a whole trace: who is whose parent (the `parent` pointer where the
// era has it, else `root`; before 2.6.36 no pointer exists, so a fork's child anon_vma is read
// from the chain it heads), and the column order that follows it. d3-hierarchy does the tree walk.
import { stratify } from 'd3';
import type { ViewState } from '../../kernel';

export interface ParentLink {
  id: string;
  /** true when the era has no root/parent pointer and the link was read from a same_vma list */
  inferred: boolean;
}

/** Records the parent of every anon_vma of `state` not seen before (pointers never change). */
export function addParents(into: Map<string, ParentLink>, state: ViewState): void {
  for (const av of state.anonVmas) {
    if (into.has(av.id)) continue;
    const up = av.parent !== undefined && av.parent !== av.id ? av.parent : av.root;
    if (up !== undefined && up !== av.id && !reaches(into, up, av.id)) {
      into.set(av.id, { id: up, inferred: false });
    }
  }
  for (const proc of state.processes) {
    for (const vma of proc.vmas) {
      const [head, next] = vma.chain;
      if (head === undefined || next === undefined || into.has(head)) continue;
      if (hasPointers(state, head) || reaches(into, next, head)) continue;
      into.set(head, { id: next, inferred: true });
    }
  }
}

function hasPointers(state: ViewState, id: string): boolean {
  const av = state.anonVmas.find((a) => a.id === id);
  return av !== undefined && (av.root !== undefined || av.parent !== undefined);
}

/** Whether following parents from `from` reaches `to` (so linking to→from would make a cycle). */
function reaches(parents: ReadonlyMap<string, ParentLink>, from: string, to: string): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = from; at !== undefined; at = parents.get(at)?.id) {
    if (at === to) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

export interface FamilyOrder {
  /** anon_vma ids, family after family; in a family every descendant comes before its ancestor,
   * so a same_vma list (head = youngest, root last) reads left to right */
  order: string[];
  /** depth in the family tree (a root is 0) */
  depth: Record<string, number>;
  /** the root of each anon_vma's family */
  family: Record<string, string>;
}

const SUPER = '\u0000forest';

/**
 * Column order of `ids` (allocation order) given their parents: families by their root's
 * allocation, inside a family a post-order walk with the newest child first.
 */
export function familyOrder(
  ids: readonly string[],
  parents: Readonly<Record<string, ParentLink>>,
): FamilyOrder {
  const known = new Set(ids);
  const rank = new Map(ids.map((id, i) => [id, i]));
  const rows = [
    { id: SUPER, up: '' },
    ...ids.map((id) => {
      const p = parents[id]?.id;
      return { id, up: p !== undefined && known.has(p) ? p : SUPER };
    }),
  ];
  const root = stratify<{ id: string; up: string }>()
    .id((d) => d.id)
    .parentId((d) => (d.id === SUPER ? null : d.up))(rows);
  // Families oldest first; siblings newest first, since a fork puts the newest anon_vma at the
  // head of a chain: [av6, av5, ..., av0] then reads left to right even when the era has only
  // `root` and every anon_vma of the family is a sibling.
  const byRank = (a: { id?: string | undefined }, b: { id?: string | undefined }) =>
    (rank.get(a.id ?? '') ?? 0) - (rank.get(b.id ?? '') ?? 0);
  root.sort((a, b) => (a.parent?.id === SUPER ? byRank(a, b) : byRank(b, a)));
  const order: string[] = [];
  const depth: Record<string, number> = {};
  const family: Record<string, string> = {};
  // a node's family is its parent's (top-down: asking each node for its ancestors made a deep
  // chain quadratic)
  root.eachBefore((node) => {
    if (node.id === undefined || node.id === SUPER) return;
    const up = node.parent?.id;
    family[node.id] = up === undefined || up === SUPER ? node.id : (family[up] ?? up);
  });
  root.eachAfter((node) => {
    if (node.id === undefined || node.id === SUPER) return;
    order.push(node.id);
    depth[node.id] = node.depth - 1;
  });
  return { order, depth, family };
}
