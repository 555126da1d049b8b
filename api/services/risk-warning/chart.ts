/** The trend as an image for reports: complaints per month, one line per street (the counts the colours come from). */
import type { TopLevelSpec } from 'vega-lite';
import { chartPng } from '../../charts/render';
import type { RiskReport } from './report';

export function riskTrendSpec(r: RiskReport): TopLevelSpec {
  const values = r.trend.flatMap((s) => s.months.map((m) => ({ street: s.streetName, month: m.month, complaints: m.complaints })));
  return {
    title: { text: '各街道职工投诉件数（按月）', subtitle: `红黄蓝预警按近${r.policy.windowDays}天投诉件数评定` },
    width: 560, height: 260,
    data: { values },
    mark: { type: 'line', point: true, tooltip: false },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: '月份', sort: r.months, axis: { labelAngle: -45 } },
      y: { field: 'complaints', type: 'quantitative', title: '投诉件数', axis: { tickMinStep: 1 } },
      color: { field: 'street', type: 'nominal', title: null, legend: { orient: 'top' } },
    },
  } as TopLevelSpec;
}

export function riskTrendPng(r: RiskReport): Promise<Buffer> {
  return chartPng(riskTrendSpec(r));
}
