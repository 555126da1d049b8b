/** Walking the tree: its leaves and every node with its level, in order. */
import type { Branch, Dimension, IndexTree, Leaf } from './types';

export type TreeNode = { level: 1; node: Dimension } | { level: 2; node: Branch } | { level: 3; node: Leaf };

/** Kept per tree object: a roll-up asks once per enterprise, and a tree is not changed in place once loaded. */
const leafCache = new WeakMap<IndexTree, Leaf[]>();

export function leavesOf(tree: IndexTree): Leaf[] {
  let leaves = leafCache.get(tree);
  if (!leaves) leafCache.set(tree, (leaves = tree.dimensions.flatMap((d) => d.children.flatMap((b) => b.children))));
  return leaves;
}

export function nodesOf(tree: IndexTree): TreeNode[] {
  return tree.dimensions.flatMap((d) => [
    { level: 1, node: d } as TreeNode,
    ...d.children.flatMap((b) => [{ level: 2, node: b } as TreeNode, ...b.children.map((l) => ({ level: 3, node: l }) as TreeNode)]),
  ]);
}

export const LEVEL_NAMES = { 1: '一级指标（维度）', 2: '二级指标', 3: '三级指标' } as const;
