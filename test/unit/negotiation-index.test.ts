/** The negotiation index's pure parts (issue 22): the weighted roll-up pinned by hand, and the shipped tree. */
import { describe, expect, it } from 'vitest';
import {
  applyEdits, leavesOf, rollUp, scoreEnterprise, scoreLeaf, SHIPPED_TREE, validateTree, type IndexTree, type ScoredEnterprise,
} from '../../workflows/shared/negotiation-index';

const entered = { kind: 'entered', min: 0, max: 100 } as const;
/** Two dimensions, three second-level indicators, five leaves. */
const SMALL: IndexTree = {
  title: '测试指数',
  dimensions: [
    { code: 'AA', name: '维度甲', weight: 0.6, children: [
      { code: 'AA1', name: '甲一', weight: 0.5, children: [
        { code: 'AA1.1', name: '次数', weight: 0.4, unit: '次', scoring: { kind: 'linear', min: 0, max: 10 }, source: entered },
        { code: 'AA1.2', name: '是否', weight: 0.6, unit: '是/否', scoring: { kind: 'boolean' }, source: { kind: 'entered', min: 0, max: 1 } },
      ] },
      { code: 'AA2', name: '甲二', weight: 0.5, children: [
        { code: 'AA2.1', name: '投诉', weight: 1, unit: '件', scoring: { kind: 'inverse', best: 0, worst: 20 }, source: { kind: 'computed', measure: 'grievances' } },
      ] },
    ] },
    { code: 'BB', name: '维度乙', weight: 0.4, children: [
      { code: 'BB1', name: '乙一', weight: 1, children: [
        { code: 'BB1.1', name: '比例', weight: 0.25, unit: '%', scoring: { kind: 'linear', min: 50, max: 100 }, source: entered },
        { code: 'BB1.2', name: '用时', weight: 0.75, unit: '天', scoring: { kind: 'inverse', best: 30, worst: 120 }, source: { kind: 'computed', measure: 'daysToAgreement' } },
      ] },
    ] },
  ],
};

describe('scoring a leaf', () => {
  it('linear, inverse and yes/no, clamped to 0–100; no value is null', () => {
    expect(scoreLeaf({ kind: 'linear', min: 50, max: 100 }, 80)).toBeCloseTo(60); // (80−50)/(100−50)
    expect(scoreLeaf({ kind: 'linear', min: 50, max: 100 }, 120)).toBe(100);
    expect(scoreLeaf({ kind: 'inverse', best: 30, worst: 120 }, 75)).toBeCloseTo(50); // (120−75)/(120−30)
    expect(scoreLeaf({ kind: 'inverse', best: 30, worst: 120 }, 10)).toBe(100);
    expect(scoreLeaf({ kind: 'inverse', best: 0, worst: 20 }, 25)).toBe(0);
    expect(scoreLeaf({ kind: 'boolean' }, 1)).toBe(100);
    expect(scoreLeaf({ kind: 'boolean' }, 0)).toBe(0);
    expect(scoreLeaf({ kind: 'linear', min: 0, max: 1 }, null)).toBeNull();
  });
});

describe('the weighted roll-up on a small tree, by hand', () => {
  it('validates (without the shipped 4/14/52 shape)', () => {
    expect(validateTree(SMALL, null)).toEqual({ ok: true, tree: SMALL });
  });

  // Enterprise e1: AA1.1 = 5 → 50; AA1.2 = 1 → 100; AA2.1 = 5 → (20−5)/20 = 75; BB1.1 = 80 → 60; BB1.2 = 75 → 50.
  //   AA1 = 0.4×50 + 0.6×100 = 80;  AA2 = 1×75 = 75;  AA = 0.5×80 + 0.5×75 = 77.5
  //   BB1 = 0.25×60 + 0.75×50 = 52.5;  BB = 1×52.5 = 52.5
  //   total = 0.6×77.5 + 0.4×52.5 = 46.5 + 21 = 67.5
  const e1 = scoreEnterprise(SMALL, { 'AA1.1': 5, 'AA1.2': 1, 'AA2.1': 5, 'BB1.1': 80, 'BB1.2': 75 });
  // Enterprise e2: AA1.1 = 12 → 100 (capped); AA1.2 missing → 0; AA2.1 = 25 → 0 (past worst); BB1.1 = 40 → 0; BB1.2 = 30 → 100.
  //   AA1 = 0.4×100 + 0.6×0 = 40;  AA2 = 0;  AA = 0.5×40 + 0.5×0 = 20
  //   BB1 = 0.25×0 + 0.75×100 = 75;  BB = 75
  //   total = 0.6×20 + 0.4×75 = 12 + 30 = 42;  4 of 5 leaves have a value
  const e2 = scoreEnterprise(SMALL, { 'AA1.1': 12, 'AA2.1': 25, 'BB1.1': 40, 'BB1.2': 30 });
  // Enterprise e3, in another street: no value at all → 0 everywhere.
  const e3 = scoreEnterprise(SMALL, {});

  it('scores each enterprise', () => {
    expect(e1.branches.AA1).toBeCloseTo(80);
    expect(e1.branches.AA2).toBeCloseTo(75);
    expect(e1.dimensions).toEqual({ AA: expect.closeTo(77.5), BB: expect.closeTo(52.5) });
    expect(e1.total).toBeCloseTo(67.5);
    expect([e1.valued, e1.leaves]).toEqual([5, 5]);
    expect(e2.dimensions).toEqual({ AA: expect.closeTo(20), BB: expect.closeTo(75) });
    expect(e2.total).toBeCloseTo(42);
    expect([e2.valued, e2.leaves]).toEqual([4, 5]);
    expect(e3.total).toBe(0);
  });

  it('rolls enterprises up to streets (their mean) and the city (the mean of all its enterprises)', () => {
    const scored: ScoredEnterprise[] = [
      { enterpriseId: 'e1', name: '甲', streetId: 's1', score: e1 },
      { enterpriseId: 'e2', name: '乙', streetId: 's1', score: e2 },
      { enterpriseId: 'e3', name: '丙', streetId: 's2', score: e3 },
    ];
    const r = rollUp(SMALL, { id: 'c', name: '市' }, [{ id: 's1', name: '街道一' }, { id: 's2', name: '街道二' }, { id: 's3', name: '街道三' }], scored);
    // s1: total (67.5 + 42)/2 = 54.75; AA (77.5 + 20)/2 = 48.75; BB (52.5 + 75)/2 = 63.75.  s2: 0.  s3: no enterprise, 0.
    expect(r.streets.map((s) => [s.id, s.enterprises])).toEqual([['s1', 2], ['s2', 1], ['s3', 0]]);
    expect(r.streets[0].total).toBeCloseTo(54.75);
    expect(r.streets[0].dimensions).toEqual({ AA: expect.closeTo(48.75), BB: expect.closeTo(63.75) });
    expect(r.streets[1].total).toBe(0);
    // city: (67.5 + 42 + 0)/3 = 36.5, not the mean of the streets' means ((54.75 + 0)/2 = 27.375)
    expect(r.city.total).toBeCloseTo(36.5);
    expect(r.city.enterprises).toBe(3);
    expect(r.city.dimensions.AA).toBeCloseTo((77.5 + 20 + 0) / 3);
  });
});

describe('the shipped tree', () => {
  it('loads and validates: 4 dimensions, 14 second-level and 52 third-level indicators, weights summing to 1', () => {
    expect(validateTree(SHIPPED_TREE)).toEqual({ ok: true, tree: SHIPPED_TREE });
    const dims = SHIPPED_TREE.dimensions;
    expect(dims.map((d) => d.name)).toEqual(['民主管理', '技能提升', '劳动关系和谐', '共同富裕']);
    expect(dims.flatMap((d) => d.children)).toHaveLength(14);
    expect(leavesOf(SHIPPED_TREE)).toHaveLength(52);
    const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
    expect(sum(dims.map((d) => d.weight))).toBeCloseTo(1, 6);
    for (const d of dims) {
      expect(sum(d.children.map((b) => b.weight))).toBeCloseTo(1, 6);
      for (const b of d.children) expect(sum(b.children.map((l) => l.weight))).toBeCloseTo(1, 6);
    }
    expect(new Set(leavesOf(SHIPPED_TREE).map((l) => l.code)).size).toBe(52);
  });

  it('computes the values the system has: suggestions, offers, days to agreement, grievances, on-time filing, effect and publication', () => {
    const computed = Object.fromEntries(leavesOf(SHIPPED_TREE).filter((l) => l.source.kind === 'computed').map((l) => [l.name, l.source]));
    expect(Object.keys(computed)).toEqual(expect.arrayContaining(['职工建议数', '协商轮次', '达成协议用时（天）', '针对企业的投诉数']));
    expect(Object.values(computed).map((s) => (s.kind === 'computed' ? s.measure : ''))).toEqual(expect.arrayContaining(['filedOnTime', 'effectiveOnTime', 'publishedOnTime']));
  });
});

describe('validation names the node in zh-CN', () => {
  it('refuses weights that do not sum to 1, a duplicate code, bad scoring, and the wrong shape', () => {
    const r = applyEdits(SMALL, [{ code: 'AA1', weight: 0.6 }], null);
    expect(r).toEqual({ ok: false, errors: ['“维度甲”下各二级指标的权重之和为1.1，应为1'] });
    const dup = structuredClone(SMALL);
    dup.dimensions[1].children[0].children[0].code = 'AA1.1';
    dup.dimensions[1].children[0].children[1].scoring = { kind: 'inverse', best: 10, worst: 5 };
    const errors = (validateTree(dup, null) as { errors: string[] }).errors;
    expect(errors).toEqual(['编码“AA1.1”重复（“比例”）', '“用时”的计分区间应为满分值小于零分值']);
    expect(validateTree(SMALL)).toEqual({ ok: false, errors: ['指标体系应有4个维度、14个二级指标、52个三级指标，现为2、3、5个'] });
    expect(applyEdits(SMALL, [{ code: 'ZZ9', name: 'x' }], null)).toEqual({ ok: false, errors: ['指标体系中没有编码为“ZZ9”的指标，请刷新页面后重试'] });
  });

  it('a small drift within 1e-6 passes; an edit that keeps the sums is applied', () => {
    const r = applyEdits(SMALL, [{ code: 'AA1.1', weight: 0.5 }, { code: 'AA1.2', weight: 0.5000004, name: '新名称' }], null);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.tree.dimensions[0].children[0].children[1]).toMatchObject({ name: '新名称', weight: 0.5000004 });
    expect(SMALL.dimensions[0].children[0].children[1].name).toBe('是否');
  });
});
