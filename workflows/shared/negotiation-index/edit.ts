/**
 * The city union's edit of the tree: new names and weights for nodes named by code, applied to the current version.
 * Codes, levels, scoring and sources stay (entered values are kept by code); the result is validated as a whole.
 */
import { nodesOf } from './tree-walk';
import type { IndexTree } from './types';
import { validateTree, type Shape, SHIPPED_SHAPE, type Validation } from './validate';

export interface NodeEdit { code: string; name?: string; weight?: number }

export function applyEdits(tree: IndexTree, edits: NodeEdit[], shape: Shape | null = SHIPPED_SHAPE): Validation {
  const next = structuredClone(tree);
  const byCode = new Map(nodesOf(next).map((n) => [n.node.code, n.node]));
  const unknown = edits.filter((e) => !byCode.has(e.code)).map((e) => e.code);
  if (unknown.length) return { ok: false, errors: [`指标体系中没有编码为“${unknown.slice(0, 3).join('”“')}”的指标，请刷新页面后重试`] };
  for (const e of edits) {
    const node = byCode.get(e.code)!;
    if (e.name !== undefined) node.name = e.name.trim();
    if (e.weight !== undefined) node.weight = e.weight;
  }
  return validateTree(next, shape);
}
