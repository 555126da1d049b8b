/**
 * Is this a tree the index can score with? Its structure (three levels, each node's fields), unique codes, each
 * leaf's scoring and source, and the weights: the children of every node, and the dimensions, sum to 1 within 1e-6.
 * Every message is zh-CN and names the node, for the city union's staff who edited it.
 */
import { MEASURES, type IndexTree } from './types';

export const WEIGHT_TOLERANCE = 1e-6;
/** DOMAIN §5: 4 dimensions, 14 second-level and 52 third-level indicators. */
export const SHIPPED_SHAPE = { dimensions: 4, branches: 14, leaves: 52 } as const;
export const NAME_MAX = 60;
const CODE = /^[A-Z]{2}[0-9]{0,2}(\.[0-9]{1,2})?$/;

export type Shape = { dimensions: number; branches: number; leaves: number };
export type Validation = { ok: true; tree: IndexTree } | { ok: false; errors: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** a weight as people read it: 0.3, not 0.30000000000000004 */
export const showWeight = (w: number) => String(Math.round(w * 1e6) / 1e6);

/** `shape`: the counts the tree must have (the shipped 4/14/52 unless null, as for a small tree in a test). */
export function validateTree(input: unknown, shape: Shape | null = SHIPPED_SHAPE): Validation {
  const errors: string[] = [];
  const codes = new Set<string>();
  const counts = { dimensions: 0, branches: 0, leaves: 0 };
  if (!isObject(input)) return { ok: false, errors: ['指标体系应为一个对象'] };
  if (typeof input.title !== 'string' || !input.title.trim()) errors.push('指标体系缺少名称');

  /** A node's own fields; returns its label for later messages, or undefined when it cannot be named. */
  const checkNode = (node: unknown, where: string): string | undefined => {
    if (!isObject(node)) { errors.push(`${where}不是有效的指标`); return undefined; }
    const label = typeof node.name === 'string' && node.name.trim() ? `“${node.name.trim()}”` : where;
    if (typeof node.code !== 'string' || !CODE.test(node.code)) errors.push(`${label}的编码“${String(node.code ?? '')}”不符合格式（如 MZ、MZ1、MZ1.1）`);
    else if (codes.has(node.code)) errors.push(`编码“${node.code}”重复（${label}）`);
    else codes.add(node.code);
    if (typeof node.name !== 'string' || !node.name.trim()) errors.push(`${where}（${String(node.code ?? '')}）缺少名称`);
    else if (node.name.length > NAME_MAX) errors.push(`${label}的名称超过${NAME_MAX}个字`);
    if (!finite(node.weight) || node.weight <= 0 || node.weight > 1) errors.push(`${label}的权重应为大于0且不超过1的数，现为“${String(node.weight)}”`);
    return label;
  };

  /** The children of one node (or the dimensions): present, and their weights summing to 1. */
  const checkSiblings = (list: unknown, parent: string, what: string): unknown[] => {
    if (!Array.isArray(list) || list.length === 0) { errors.push(`${parent}下没有${what}`); return []; }
    const weights = list.map((n) => (isObject(n) && finite(n.weight) ? n.weight : NaN));
    if (weights.every(Number.isFinite)) {
      const sum = weights.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) errors.push(`${parent}下各${what}的权重之和为${showWeight(sum)}，应为1`);
    }
    return list;
  };

  const checkLeaf = (leaf: Record<string, unknown>, label: string) => {
    if (typeof leaf.unit !== 'string' || !leaf.unit.trim()) errors.push(`${label}缺少计量单位`);
    const s = leaf.scoring;
    if (!isObject(s)) errors.push(`${label}缺少计分方法`);
    else if (s.kind === 'linear') {
      if (!finite(s.min) || !finite(s.max) || s.min >= s.max) errors.push(`${label}的计分区间应为最低值小于满分值`);
    } else if (s.kind === 'inverse') {
      if (!finite(s.best) || !finite(s.worst) || s.best >= s.worst) errors.push(`${label}的计分区间应为满分值小于零分值`);
    } else if (s.kind !== 'boolean') errors.push(`${label}的计分方法“${String(s.kind)}”无法识别`);
    const src = leaf.source;
    if (!isObject(src)) errors.push(`${label}缺少数据来源`);
    else if (src.kind === 'entered') {
      if (!finite(src.min) || !finite(src.max) || src.min > src.max) errors.push(`${label}的录入范围不正确`);
      else if (isObject(s) && s.kind === 'boolean' && (src.min !== 0 || src.max !== 1)) errors.push(`${label}为是/否指标，录入范围应为0到1`);
    } else if (src.kind === 'computed') {
      if (typeof src.measure !== 'string' || !Object.hasOwn(MEASURES, src.measure)) errors.push(`${label}的计算来源“${String(src.measure)}”无法识别`);
      if (src.withinDays !== undefined && (!Number.isInteger(src.withinDays) || (src.withinDays as number) < 1)) errors.push(`${label}的规定天数应为正整数`);
    } else errors.push(`${label}的数据来源应为录入或系统计算`);
  };

  for (const [i, dim] of checkSiblings(input.dimensions, '指标体系', '一级指标（维度）').entries()) {
    counts.dimensions++;
    const dimLabel = checkNode(dim, `第${i + 1}个维度`);
    if (!dimLabel || !isObject(dim)) continue;
    for (const [j, branch] of checkSiblings(dim.children, dimLabel, '二级指标').entries()) {
      counts.branches++;
      const branchLabel = checkNode(branch, `${dimLabel}的第${j + 1}个二级指标`);
      if (!branchLabel || !isObject(branch)) continue;
      for (const [k, leaf] of checkSiblings(branch.children, branchLabel, '三级指标').entries()) {
        counts.leaves++;
        const leafLabel = checkNode(leaf, `${branchLabel}的第${k + 1}个三级指标`);
        if (leafLabel && isObject(leaf)) checkLeaf(leaf, leafLabel);
      }
    }
  }
  if (shape && errors.length === 0 && (counts.dimensions !== shape.dimensions || counts.branches !== shape.branches || counts.leaves !== shape.leaves)) {
    errors.push(`指标体系应有${shape.dimensions}个维度、${shape.branches}个二级指标、${shape.leaves}个三级指标，现为${counts.dimensions}、${counts.branches}、${counts.leaves}个`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, tree: input as unknown as IndexTree };
}
