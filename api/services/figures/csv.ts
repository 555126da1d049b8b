/** The figures as CSV for Excel: UTF-8 with a BOM and CRLF, cells quoted as the case finder's (never read as formulas). */
import { yuan } from '../../../workflows/shared/present/format';
import { csvCell } from '../case-finder';
import type { FiguresReport } from './four-haves';
import type { StationFigures, StationReport } from './station';

const csv = (lines: unknown[][]) => `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
const orBlank = (v: number | null) => v ?? '';

export function figuresCsv(r: FiguresReport): string {
  const head = [
    r.byLabel, '登记案件数', '已响应', '首次响应平均用时（小时）', '首次响应用时中位数（小时）', '到期环节', '按时办结环节', '按时办结率（%）',
    '升级过的环节', '升级次数', '未办结案件', ...r.ageBuckets.map((b) => `未办结：${b}`), '评分件数', '平均评分',
    '1分', '2分', '3分', '4分', '5分', '调解与法律援助案件', '协议（裁判）金额（元）', '挽回损失（元）',
  ];
  const line = (g: FiguresReport['total']) => [
    g.label, g.cases, g.response.responded, orBlank(g.response.hoursAvg), orBlank(g.response.hoursMedian), g.steps.due, g.steps.onTime,
    orBlank(g.steps.onTimePercent), g.escalations.steps, g.escalations.rungs, g.open.total, ...g.open.byAge, g.ratings.count,
    orBlank(g.ratings.mean), ...g.ratings.distribution, g.money.cases, yuan(g.money.agreedFen), yuan(g.money.recoveredFen),
  ];
  return csv([[`登记日期 ${r.from} 至 ${r.to}；未办结案件按截至导出时的已办天数`], head, ...r.groups.map(line), line(r.total)]);
}

export const STATION_HEAD = [
  '收案', '达成协议', '转仲裁', '整案撤回', '撤回职工（人）', '其中结清撤回（人）', '分案（人）', '出具调解书',
  '协议金额（元）', '挽回损失（元）', '申请至达成协议平均天数', '协议至调解书平均天数',
];

export function stationCells(f: StationFigures): unknown[] {
  return [
    f.received, f.agreed, f.transferred, f.casesWithdrawn, f.workersWithdrawn, f.workersSettled, f.workersSplitOff, f.reviewConfirmed,
    yuan(f.agreedFen), yuan(f.recoveredFen), orBlank(f.daysToAgreementAvg), orBlank(f.daysToReviewAvg),
  ];
}

export function stationCsv(r: StationReport): string {
  const lines: unknown[][] = [['月份', '调解员', ...STATION_HEAD]];
  for (const m of r.months) {
    for (const x of m.mediators) lines.push([m.month, x.mediator, ...stationCells(x)]);
    lines.push([m.month, '本月合计', ...stationCells(m.total)]);
  }
  for (const x of r.mediators) lines.push([`${r.from}至${r.to}`, x.mediator, ...stationCells(x)]);
  lines.push([`${r.from}至${r.to}`, '合计', ...stationCells(r.total)]);
  return csv(lines);
}
