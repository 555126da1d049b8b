/**
 * The shape floor in the report (bench/floor-limit.ts): each phase measures it right after each noop limit and before
 * the intake limit, so the three runs of a pair are under a minute apart. Its two ratios split the paired intake ÷ noop
 * (paired-limits.ts): floor ÷ noop is what a case's fixed shape costs the engine and the SDK's worker, intake ÷ floor what
 * the app adds to it.
 */
import type { IntakeLimitResult } from '../intake-limit';
import type { LimitResult } from '../limit';
import { runCost } from './cpu-budget';
import { ms, pct, rate } from './stats';

export interface FloorPhase {
  limit?: LimitResult;
  limitAfter?: LimitResult;
  floorLimit?: LimitResult;
  floorLimitAfter?: LimitResult;
  intakeLimit?: IntakeLimitResult;
  intakeLimitAfter?: IntakeLimitResult;
}

interface Triple { noop: LimitResult; floor: LimitResult; intake?: IntakeLimitResult }

function triples(p: FloorPhase): Triple[] {
  const out: Triple[] = [];
  if (p.limit && p.floorLimit) out.push({ noop: p.limit, floor: p.floorLimit, intake: p.intakeLimit });
  if (p.limitAfter && p.floorLimitAfter) out.push({ noop: p.limitAfter, floor: p.floorLimitAfter, intake: p.intakeLimitAfter });
  return out;
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const ratioOf = (a: number[], b: number[]) => (a.length && sum(b) > 0 ? sum(a) / sum(b) : NaN);

/** the pairs' floor sum ÷ their noop sum */
export function floorOverNoop(p: FloorPhase): number {
  const t = triples(p);
  return ratioOf(t.map((x) => x.floor.perSec), t.map((x) => x.noop.perSec));
}

/** the pairs' intake sum ÷ their floor sum, over the runs that have both */
export function intakeOverFloor(p: FloorPhase): number {
  const t = triples(p).filter((x) => x.intake);
  return ratioOf(t.map((x) => x.intake!.perSec), t.map((x) => x.floor.perSec));
}

/** e.g. "floor ÷ noop 0.86 (63.1 ÷ 74.0, …); intake ÷ floor 0.90 (57.2 ÷ 63.1, …)", or '–' without a floor run */
export function floorRatiosText(p: FloorPhase): string {
  const t = triples(p);
  if (!t.length) return '–';
  const f = floorOverNoop(p);
  const i = intakeOverFloor(p);
  return `floor ÷ noop ${f.toFixed(2)} (${t.map((x) => `${rate(x.floor.perSec)} ÷ ${rate(x.noop.perSec)}`).join(', ')})`
    + (Number.isFinite(i) ? `; intake ÷ floor ${i.toFixed(2)} (${t.filter((x) => x.intake).map((x) => `${rate(x.intake!.perSec)} ÷ ${rate(x.floor.perSec)}`).join(', ')})` : '');
}

/** the table cell of a phase's floor runs: workflows/s (p50 / p95 ms), first / second */
export function floorCell(p: FloorPhase): string {
  const runs = [p.floorLimit, p.floorLimitAfter].filter((l) => l !== undefined);
  return runs.length
    ? runs.map((l) => `${rate(l.perSec)} (${ms(l.latency.p50)} / ${ms(l.latency.p95)})${l.errors ? `, ${l.errors} errors` : ''}`).join(' / ')
    : '–';
}

export const FLOOR_HEAD = ['phase', 'callers', 'answered/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors',
  'CPU temporal', 'CPU noop worker(s)', 'CPU postgres', 'CPU bench', 'CPU other', 'CPU ms per workflow', 'noop beside it, CPU ms per workflow'];

/** Section 1c's rows: each floor run with its CPU, beside the noop run just before it. */
export function floorRows(phases: { label: string; phase: FloorPhase }[]): (string | number)[][] {
  const cost = (l: LimitResult) => (Number.isFinite(runCost(l)) ? runCost(l).toFixed(0) : '–');
  return phases.flatMap(({ label, phase }) => triples(phase).map((t, i) => [i === 0 ? label : `${label} (second run)`, t] as const))
    .map(([label, { noop, floor: l }]) => [label, l.callers, rate(l.perSec), ms(l.latency.p50), ms(l.latency.p95), ms(l.latency.p99), l.errors,
      pct(l.cpu.temporal), pct(l.cpu.noopWorker), pct(l.cpu.postgres), pct(l.cpu.loadgen), pct(l.cpu.other), cost(l), cost(noop)]);
}
