/**
 * The index's chart: for each area (the city and its streets, or one street and its enterprises) a group of bars,
 * the total and the four dimensions on the same 0–100 scale, so a report shows where an area is strong or weak.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartPng } from '../../charts/render';
import { notFound } from '../../errors';
import type { IndexReport } from './report';

/** a chart stays readable up to this many groups; the rest are named in the CSV */
export const CHART_MAX_GROUPS = 40;
const TOTAL = '总分';

export function indexChartSpec(r: IndexReport, streetId?: string): TopLevelSpec {
  const dims = r.tree.dimensions;
  let groups: { name: string; total: number; dimensions: Record<string, number> }[];
  let subject: string;
  if (streetId) {
    const street = r.streets.find((s) => s.id === streetId);
    if (!street) throw notFound('街道');
    groups = [{ name: `${street.name}（平均）`, total: street.total, dimensions: street.dimensions },
      ...street.rows.map((e) => ({ name: e.name, total: e.score.total, dimensions: e.score.dimensions }))];
    subject = `${street.name}各企业`;
  } else {
    const streets = r.streets.map((s) => ({ name: `${s.name}（${s.enterprises}家）`, total: s.total, dimensions: s.dimensions }));
    groups = r.city ? [{ name: `${r.city.name}（${r.city.enterprises}家）`, total: r.city.total, dimensions: r.city.dimensions }, ...streets] : streets;
    subject = r.city ? '全市及各街道' : r.streets[0]?.name ?? '';
  }
  groups = groups.slice(0, CHART_MAX_GROUPS);
  const measures = [TOTAL, ...dims.map((d) => d.name)];
  const values = groups.flatMap((g, i) => [
    { area: g.name, order: i, measure: TOTAL, score: Math.round(g.total * 10) / 10 },
    ...dims.map((d) => ({ area: g.name, order: i, measure: d.name, score: Math.round((g.dimensions[d.code] ?? 0) * 10) / 10 })),
  ]);
  return {
    title: { text: `${r.year}年工资集体协商指数：${subject}`, subtitle: `指标体系第${r.treeVersion}版；满分100` },
    width: 640,
    data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: { field: 'area', type: 'nominal', title: null, sort: { field: 'order', op: 'min' } },
      yOffset: { field: 'measure', type: 'nominal', sort: measures },
      x: { field: 'score', type: 'quantitative', title: '得分', scale: { domain: [0, 100] }, axis: { tickCount: 10 } },
      color: { field: 'measure', type: 'nominal', sort: measures, title: null, legend: { orient: 'top' } },
    },
    // with an offset channel the step is one bar's: five bars and the padding make an area's group
    height: { step: 12 },
  } as TopLevelSpec;
}

export function indexChartPng(r: IndexReport, streetId?: string): Promise<Buffer> {
  return chartPng(indexChartSpec(r, streetId));
}
