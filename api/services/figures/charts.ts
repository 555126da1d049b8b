/**
 * The figures as images a supervisor pastes into a report (api/charts/render.ts): one horizontal bar chart per "four
 * haves" figure, a group a bar (or a stack), and the station's counts and amounts by month. Each has its table on the
 * page and in the CSV.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartPng } from '../../charts/render';
import type { FiguresReport } from './four-haves';
import type { StationReport } from './station';

export const FIGURE_CHARTS = ['response', 'steps', 'escalations', 'open', 'ratings', 'money'] as const;
export type FigureChart = (typeof FIGURE_CHARTS)[number];
/** a chart stays readable up to this many groups; the rest are in the table and the CSV */
const MAX_GROUPS = 40;

type Value = { group: string; order: number; series: string; value: number };

function barSpec(title: string, subtitle: string, values: Value[], xTitle: string, series: string[] | null): TopLevelSpec {
  return {
    title: { text: title, subtitle }, width: 560, data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: { field: 'group', type: 'nominal', title: null, sort: { field: 'order', op: 'min' } },
      // all zero (nothing yet in the range): an axis from 0 to 1, not one collapsed on "0.000000"
      x: { field: 'value', type: 'quantitative', title: xTitle, stack: series ? 'zero' : null, ...(values.every((v) => v.value === 0) ? { scale: { domain: [0, 1] } } : {}) },
      ...(series ? { color: { field: 'series', type: 'nominal', sort: series, title: null, legend: { orient: 'top' } } } : {}),
    },
    height: { step: 22 },
  } as TopLevelSpec;
}

export function figureSpec(r: FiguresReport, chart: FigureChart): TopLevelSpec {
  const groups = r.groups.slice(0, MAX_GROUPS);
  const sub = `${r.from} 至 ${r.to} 登记的案件，按${r.byLabel}`;
  const one = (pick: (g: FiguresReport['groups'][number]) => number | null) =>
    groups.map((g, order) => ({ group: g.label, order, series: '', value: pick(g) ?? 0 }));
  const many = (names: readonly string[], pick: (g: FiguresReport['groups'][number]) => readonly number[]) =>
    groups.flatMap((g, order) => pick(g).map((value, i) => ({ group: g.label, order, series: names[i], value })));
  switch (chart) {
    case 'response': return barSpec('有回应：首次响应平均用时', sub, one((g) => g.response.hoursAvg), '小时', null);
    case 'steps': return barSpec('有时限：按时办结的环节占比', sub, one((g) => g.steps.onTimePercent), '%', null);
    case 'escalations': return barSpec('督办：超时升级次数', sub, one((g) => g.escalations.rungs), '次', null);
    case 'open': return barSpec('有人管：未办结案件（按已办天数）', `${sub}；截至今日`, many(r.ageBuckets, (g) => g.open.byAge), '件', r.ageBuckets);
    case 'ratings': {
      const names = ['1分', '2分', '3分', '4分', '5分'];
      return barSpec('有评判：职工评分分布', sub, many(names, (g) => g.ratings.distribution), '件', names);
    }
    case 'money': {
      const names = ['协议（裁判）金额', '挽回损失'];
      return barSpec('调解与法律援助金额（元）', sub, many(names, (g) => [g.money.agreedFen / 100, g.money.recoveredFen / 100]), '元', names);
    }
  }
}

export function figurePng(r: FiguresReport, chart: FigureChart): Promise<Buffer> {
  return chartPng(figureSpec(r, chart));
}

export const STATION_CHARTS = ['counts', 'amounts'] as const;
export type StationChart = (typeof STATION_CHARTS)[number];

export function stationSpec(r: StationReport, chart: StationChart): TopLevelSpec {
  const series = chart === 'counts' ? ['收案', '达成协议', '转仲裁', '撤回'] : ['协议金额', '挽回损失'];
  const values = r.months.flatMap((m) => {
    const t = m.total;
    const v = chart === 'counts' ? [t.received, t.agreed, t.transferred, t.casesWithdrawn + t.workersWithdrawn] : [t.agreedFen / 100, t.recoveredFen / 100];
    return v.map((value, i) => ({ month: m.month, series: series[i], value }));
  });
  return {
    title: { text: chart === 'counts' ? '调解工作室收案与结果（按月）' : '调解协议金额与挽回损失（按月，元）', subtitle: `${r.from} 至 ${r.to}` },
    width: 560, height: 260, data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: '月份', sort: r.months.map((m) => m.month), axis: { labelAngle: -45 } },
      xOffset: { field: 'series', type: 'nominal', sort: series },
      y: {
        field: 'value', type: 'quantitative', title: chart === 'counts' ? '件（撤回含人次）' : '元', axis: { tickMinStep: 1 },
        ...(values.every((v) => v.value === 0) ? { scale: { domain: [0, 1] } } : {}),
      },
      color: { field: 'series', type: 'nominal', sort: series, title: null, legend: { orient: 'top' } },
    },
  } as TopLevelSpec;
}

export function stationPng(r: StationReport, chart: StationChart): Promise<Buffer> {
  return chartPng(stationSpec(r, chart));
}
