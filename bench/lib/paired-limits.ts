/**
 * Issue 24's ratio from limits measured alike and side by side: after its intake steps each phase measures the noop
 * limit, then the shape floor (bench/floor-limit.ts) and the intake limit (bench/intake-limit.ts), then all again.
 * Each intake limit is set against the noop limit just before it (under a minute apart, on the server as the steps
 * left it), so that the VM's drift over the phase's minutes, as large as the gap being measured, falls on both sides
 * of a pair alike; the phase's ratio is the pairs' intake sum ÷ their noop sum.
 */
import type { IntakeLimitResult } from '../intake-limit';
import type { LimitResult } from '../limit';
import { runCost } from './cpu-budget';
import { ms, pct, rate } from './stats';

export interface PairedPhase {
  limit?: LimitResult;
  limitAfter?: LimitResult;
  intakeLimit?: IntakeLimitResult;
  intakeLimitAfter?: IntakeLimitResult;
}

export interface LimitPair { noop: LimitResult; intake: IntakeLimitResult }

export function limitPairs(p: PairedPhase): LimitPair[] {
  const out: LimitPair[] = [];
  if (p.limit && p.intakeLimit) out.push({ noop: p.limit, intake: p.intakeLimit });
  if (p.limitAfter && p.intakeLimitAfter) out.push({ noop: p.limitAfter, intake: p.intakeLimitAfter });
  return out;
}

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

/** intake limits ÷ noop limits over the phase's pairs; NaN without a pair (results of before session 15) */
export function pairedRatio(p: PairedPhase): number {
  const pairs = limitPairs(p);
  const noop = sum(pairs.map((x) => x.noop.perSec));
  return pairs.length && noop > 0 ? sum(pairs.map((x) => x.intake.perSec)) / noop : NaN;
}

/** the mean of the phase's intake limits, cases notified per second */
export function intakeLimitOf(p: PairedPhase): number {
  const runs = [p.intakeLimit, p.intakeLimitAfter].filter((l) => l !== undefined);
  return runs.length ? sum(runs.map((l) => l.perSec)) / runs.length : NaN;
}

/** e.g. "0.81 (58.2 ÷ 72.0, 55.1 ÷ 68.3)" */
export function pairedText(p: PairedPhase): string {
  const r = pairedRatio(p);
  if (!Number.isFinite(r)) return '–';
  return `${r.toFixed(2)} (${limitPairs(p).map((x) => `${rate(x.intake.perSec)} ÷ ${rate(x.noop.perSec)}`).join(', ')})`;
}

/** the table cell of a phase's intake limits: cases/s notified (p50 / p95 ms), first / second */
export function intakeLimitCell(p: PairedPhase): string {
  const runs = [p.intakeLimit, p.intakeLimitAfter].filter((l) => l !== undefined);
  return runs.length
    ? runs.map((l) => `${rate(l.perSec)} (${ms(l.latency.p50)} / ${ms(l.latency.p95)})${l.comeBack + l.errors ? `, ${l.comeBack} × 503, ${l.errors} errors` : ''}`).join(' / ')
    : '–';
}

export const INTAKE_LIMIT_HEAD = ['phase', 'callers', 'cases/s notified', 'accepted', 'p50 ms', 'p95 ms', 'p99 ms', '503', 'errors',
  'CPU temporal', 'CPU worker', 'CPU API', 'CPU postgres', 'CPU bench', 'CPU other', 'CPU ms per case'];

/** Section 1b's rows: each intake limit run with its CPU, as section 1 shows the noop runs. */
export function intakeLimitRows(phases: { label: string; phase: PairedPhase }[]): (string | number)[][] {
  return phases.flatMap(({ label, phase }) => [
    ...(phase.intakeLimit ? [[label, phase.intakeLimit] as const] : []),
    ...(phase.intakeLimitAfter ? [[`${label} (second run)`, phase.intakeLimitAfter] as const] : []),
  ]).map(([label, l]) => [label, l.callers, rate(l.perSec), l.accepted, ms(l.latency.p50), ms(l.latency.p95), ms(l.latency.p99), l.comeBack, l.errors,
    pct(l.cpu.temporal), pct(l.cpu.worker), pct(l.cpu.api), pct(l.cpu.postgres), pct(l.cpu.loadgen), pct(l.cpu.other), runCost(l).toFixed(0)]);
}
