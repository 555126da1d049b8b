/**
 * The report: a summary table (defaults beside each variant), then one section per measurement, printed and written to
 * bench/results/<date>.md. Only measured values go in; derived ones (ratios, "sustained") say how they are derived.
 */
import { writeFileSync } from 'node:fs';
import type { DocumentKind } from '../../activities/documents/types';
import type { DocumentsResult } from '../documents';
import { librarySection, type LibraryResult } from '../library';
import type { HandoffResult } from '../mediation';
import { handoffSection, handoffSummary } from './report-mediation';
import type { LegalAidResult } from '../legal-aid';
import type { NegotiationIndexResult } from '../negotiation-index';
import { negotiationIndexSection, negotiationIndexSummary } from './report-negotiation-index';
import { legalAidSection, legalAidSummary } from './report-legal-aid';
import { wagePlanSection, wagePlanSummary } from './report-wage-plan';
import type { WagePlanResult } from '../wage-plan';
import type { FanoutResult } from '../fanout';
import type { HistoryResult, HistoryShape } from '../history';
import type { StepResult } from '../intake';
import type { LimitResult } from '../limit';
import type { IntakeLimitResult } from '../intake-limit';
import { intakeLimitCell, intakeLimitOf, intakeLimitRows, INTAKE_LIMIT_HEAD, pairedRatio, pairedText } from './paired-limits';
import { floorCell, floorRatiosText, floorRows, FLOOR_HEAD } from './shape-floor-report';
import type { ScaleResult } from '../scale';
import { git } from './children';
import { caseCost, noopCost } from './cpu-budget';
import type { MachineFacts } from './setup';
import { ms, pct, rate, sec } from './stats';

export interface Phase {
  name: string;
  env: Record<string, string>;
  worker: string;
  /** the Temporal server it ran on */
  server: string;
  /** the Postgres database its API and worker used (the baseline's has its own, of its own schema) */
  database?: string;
  /**
   * The noop limit, run twice (absent in results of before session 13): since session 15 both after the intake steps,
   * each followed by an intake limit (since session 16 by the shape floor first); until then one before the steps and
   * one after them. The VM's pace drifts within minutes, so the open steps' ratio is set against the higher of the two.
   */
  limit?: LimitResult;
  limitAfter?: LimitResult;
  /**
   * The intake limit measured after `limit`, and again after `limitAfter` (absent in results of before session 15):
   * bench/intake-limit.ts, bench/lib/paired-limits.ts.
   */
  intakeLimit?: IntakeLimitResult;
  intakeLimitAfter?: IntakeLimitResult;
  /** The shape floor right after each noop limit, and the history of one (absent before session 16): bench/floor-limit.ts. */
  floorLimit?: LimitResult;
  floorLimitAfter?: LimitResult;
  floorShape?: HistoryShape;
  steps: { step: StepResult; fanout: FanoutResult }[];
  /** history of one case of the phase's first step, at rest */
  shape?: HistoryShape;
  noopShape?: HistoryShape;
  /** workers on the phase's task queue (and noop workers for its limit); 1 when absent (results of before issue 24) */
  workers?: number;
  /** the Temporal dev server, or the production topology's full server on PostgreSQL (issue 24) */
  topology?: 'dev server' | 'cluster';
}

export interface RunData {
  date: Date;
  /** gitState() at the start of the run */
  commit: string;
  quick: boolean;
  machine: MachineFacts;
  phases: Phase[];
  moderateRate: number;
  history: HistoryResult;
  /** phases that could not run, and why */
  notes: string[];
  scale: ScaleResult & { probe: StepResult; probeFanout: FanoutResult; cacheSize: number };
  /** PDF generation of the legal documents, without Temporal; absent when it could not run (notes say why) */
  documents?: DocumentsResult;
  /** the mediation handoff (issue 16); absent when it could not run (notes say why) */
  mediation?: HandoffResult;
  /** legal-aid applications per second and application → 指派函; absent when it could not run (notes say why) */
  legalAid?: LegalAidResult;
  /** the wage plan's schedule opening 1,000 enterprises' rounds; absent when it could not run (notes say why) */
  wagePlan?: WagePlanResult;
  /** the negotiation index's roll-up for 1,000 enterprises; absent when it could not run (notes say why) */
  negotiationIndex?: NegotiationIndexResult;
  /** library search and "cases like mine" at 10,000 items and 100,000 grievances (issue 23); absent when it could not run */
  library?: LibraryResult;
  wallSeconds: number;
}

/** What the phase tables and ratios need: a whole run, or BENCH_ONLY=intake's noop limits and intake phases alone. */
export type IntakeRunData = Pick<RunData, 'date' | 'commit' | 'quick' | 'machine' | 'phases' | 'moderateRate' | 'notes' | 'wallSeconds'>;

/** BENCH_ONLY=cluster-scale: open cases on the cluster's Temporal server. */
export interface ClusterScaleRunData extends Pick<RunData, 'date' | 'commit' | 'quick' | 'machine' | 'notes' | 'scale' | 'wallSeconds'> {
  /** the server's label */
  server: string;
}

/** The worker kept up at a step: ≥ 95 % of the offered rate accepted, no errors, every case notified within 5 s of filing. */
export const SUSTAINED_FANOUT_P95_MS = 5000;
export const sustained = (s: Phase['steps'][number]) => s.step.acceptedPerSec >= 0.95 * s.step.offered && s.step.errors === 0
  && s.step.non2xx === 0 && s.fanout.done === s.fanout.cases && s.fanout.fanout.p95 <= SUSTAINED_FANOUT_P95_MS;
const bestSustained = (p: Phase) => p.steps.filter(sustained).sort((a, b) => b.step.offered - a.step.offered)[0];
const peakDone = (p: Phase) => {
  const v = p.steps.map((s) => s.fanout.donePerSec).filter(Number.isFinite);
  return v.length ? Math.max(...v) : NaN;
};
/** The higher of a phase's two noop runs (before and after its intake steps). */
const higherLimit = (p: Phase) => (p.limit && p.limitAfter && p.limitAfter.perSec > p.limit.perSec ? p.limitAfter : p.limit);
/** The platform's limit for a phase: its own noop runs, else those of the first phase on the same server in this run. */
const limitRunOf = (d: Pick<RunData, 'phases'>, p: Phase) => (p.limit ? higherLimit(p) : higherLimit(d.phases.find((q) => q.server === p.server && q.limit) ?? p));
const limitOf = (d: Pick<RunData, 'phases'>, p: Phase) => limitRunOf(d, p)?.perSec ?? NaN;
/** What sets a phase apart from the defaults, for column heads and the chart's legend. */
export const phaseDetail = (d: Pick<RunData, 'phases'>, p: Phase) => [
  // A cluster phase's name says its server; the machine table gives it in full.
  ...(p.worker === 'worker.ts' ? [] : [p.worker]), ...(p.server === d.phases[0].server || p.topology === 'cluster' ? [] : [p.server]), ...(Object.keys(p.env).length ? [envText(p.env)] : []),
];
const moderate = (d: Pick<RunData, 'moderateRate'>, p: Phase) => [...p.steps].sort((a, b) => Math.abs(a.step.offered - d.moderateRate) - Math.abs(b.step.offered - d.moderateRate))[0];

const SKIPPED = '– (not run: two lower steps not sustained)';
const NO_MEDIATION = 'not measured in this run (see the notes)';
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const mib = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const perCase = (deltaMiB: number, n: number) => (Number.isFinite(deltaMiB) && n > 0 ? ((deltaMiB * 1024) / n).toFixed(0) : '–');
export const envText = (env: Record<string, string>) => Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ') || 'defaults';
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const shapeText = (s?: HistoryShape) => (s ? `${s.events} events: ${count(s.workflowTasks, 'workflow task', 'workflow tasks')}, `
  + `${count(s.activityTasks, 'activity task', 'activity tasks')}, ${count(s.localActivities, 'local activity', 'local activities')}, `
  + `${count(s.patches, 'patch marker', 'patch markers')}, ${count(s.timers, 'timer', 'timers')}` : '–');

/** The checkout's commit, read when the run starts: files edited while it runs do not change what it measured. */
export function gitState(): string {
  try {
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain') ? ' (with uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
}

const isCluster = (p: Phase) => p.topology === 'cluster';
/** The dev server's reference for "cluster ÷ dev server": the first dev-server phase of this checkout with one worker. */
const devReference = (d: Pick<RunData, 'phases'>) => d.phases.find((p) => !isCluster(p) && p.worker === 'worker.ts' && (p.workers ?? 1) === 1);
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : '–');
const topOffered = (p: Phase) => Math.max(...p.steps.map((s) => s.step.offered));

/**
 * The ratios of issue 24 in plain lines: intake ÷ noop on each server (intake = most cases fully notified per second in
 * any step), and cluster ÷ dev server for the noop limit and for intake.
 */
function ratioLines(d: IntakeRunData): string[] {
  const ref = devReference(d);
  const shown = d.phases.filter((p) => p === ref || isCluster(p));
  if (!shown.length) return [];
  const paired = shown.filter((p) => Number.isFinite(pairedRatio(p)));
  const out = paired.length ? [`- intake ÷ noop, paired limits (each intake limit ÷ the noop limit measured next to it, closed loops alike; `
    + `the pairs' sums): ${paired.map((p) => `${p.name} ${pairedText(p)}`).join('; ')}.`] : [];
  const floored = shown.filter((p) => p.floorLimit);
  if (floored.length) {
    out.push(`- the paired ratio split by the shape floor (1c; what the shape costs, then what the app adds): ${floored.map((p) => `${p.name} ${floorRatiosText(p)}`).join('; ')}.`);
  }
  out.push(`- intake ÷ noop, open steps (most cases/s fully notified in any step ÷ the higher noop limit): ${shown.map((p) =>
    `${p.name} ${ratio(peakDone(p), limitOf(d, p))} (${rate(peakDone(p))} ÷ ${rate(limitOf(d, p))})`).join('; ')}.`);
  const clusters = d.phases.filter(isCluster);
  if (ref && clusters.length) {
    out.push(`- cluster ÷ dev server ("${ref.name}"): noop limit ${clusters.map((p) => `${p.name} ${ratio(limitOf(d, p), limitOf(d, ref))}`).join(', ')}; `
      + `intake (most cases/s notified) ${clusters.map((p) => `${p.name} ${ratio(peakDone(p), peakDone(ref))}`).join(', ')}`
      + `${Number.isFinite(intakeLimitOf(ref)) ? `; intake limit ${clusters.map((p) => `${p.name} ${ratio(intakeLimitOf(p), intakeLimitOf(ref))}`).join(', ')}` : ''}.`);
  }
  const capped = shown.filter((p) => p.steps.length && sustained(p.steps[p.steps.length - 1]));
  if (capped.length) {
    out.push(`- ${capped.map((p) => `"${p.name}"`).join(', ')} sustained ${capped.length === 1 ? 'its' : 'their'} highest step (${capped.map(topOffered).join(', ')} req/s): `
      + 'intake there is capped by the offered rate, not measured to its end (BENCH_RATES offers higher ones).');
  }
  return out;
}

/** The table of phases, one column each: noop limit, intake steps, fan-out, ratios. */
function phaseTable(d: IntakeRunData): string {
  const ph = d.phases;
  const row = (label: string, f: (p: Phase) => string | number) => [label, ...ph.map(f)];
  const rates = [...new Set(ph.flatMap((p) => p.steps.map((s) => s.step.offered)))].sort((a, b) => a - b);
  const stepAt = (p: Phase, offered: number) => p.steps.find((s) => s.step.offered === offered);
  const rows = [
    row('noop limit: completions/s (p50 / p95 ms), after the intake steps: first / second run', (p) => (p.limit
      ? [p.limit, p.limitAfter].filter((l) => l !== undefined).map((l) => `${rate(l.perSec)} (${ms(l.latency.p50)} / ${ms(l.latency.p95)})`).join(' / ')
      : `same server: ${rate(limitOf(d, p))}`)),
    row('intake limit: cases/s notified, closed loop (p50 / p95 ms), each after a noop run and its shape floor: first / second', intakeLimitCell),
    row('intake ÷ noop, paired limits: intake limits ÷ the noop limits next to them', pairedText),
    ...(ph.some((p) => p.floorLimit) ? [
      row('shape floor (1c): workflows/s answered, closed loop (p50 / p95 ms), each right after a noop run: first / second', floorCell),
      row('the paired ratio split: floor ÷ noop (the shape), intake ÷ floor (the app)', floorRatiosText),
    ] : []),
    ...rates.map((r) => row(`intake at ${r} req/s: accepted/s, p50 / p95 / p99 ms`, (p) => {
      const s = stepAt(p, r)?.step;
      return s ? `${rate(s.acceptedPerSec)}, ${ms(s.latency.p50)} / ${ms(s.latency.p95)} / ${ms(s.latency.p99)}${s.errors + s.non2xx ? `, ${s.errors + s.non2xx} errors` : ''}` : SKIPPED;
    })),
    ...rates.map((r) => row(`SMS fan-out at ${r} req/s, filed → notified: p50 / p95 s (done)`, (p) => {
      const f = stepAt(p, r)?.fanout;
      return f ? `${sec(f.fanout.p50)} / ${sec(f.fanout.p95)} (${f.done}/${f.cases})` : SKIPPED;
    })),
    row('most cases/s fully notified in a step (capped by the offered rate)', (p) => rate(peakDone(p))),
    row('highest sustained step, req/s', (p) => bestSustained(p)?.step.offered ?? 'none'),
    row('limit ÷ sustained intake', (p) => { const b = bestSustained(p); return b ? (limitOf(d, p) / b.step.acceptedPerSec).toFixed(1) : '–'; }),
    row('intake ÷ noop, open steps: most cases/s notified ÷ the higher noop limit', (p) => ratio(peakDone(p), limitOf(d, p))),
    row('CPU ms per workflow (Temporal + worker + API + Postgres): noop / case at the best step', (p) => {
      const noop = noopCost(limitRunOf(d, p));
      const one = caseCost(p.steps);
      return `${Number.isFinite(noop) ? noop.toFixed(0) : '–'} / ${Number.isFinite(one) ? one.toFixed(0) : '–'}`;
    }),
    ...(ph.some(isCluster) ? [
      row('cluster ÷ dev server: noop limit', (p) => (isCluster(p) ? ratio(limitOf(d, p), limitOf(d, devReference(d) ?? p)) : p === devReference(d) ? '1 (reference)' : '–')),
      row('cluster ÷ dev server: most cases/s notified', (p) => (isCluster(p) ? ratio(peakDone(p), peakDone(devReference(d) ?? p)) : p === devReference(d) ? '1 (reference)' : '–')),
      row('cluster ÷ dev server: intake limit', (p) => (isCluster(p) ? ratio(intakeLimitOf(p), intakeLimitOf(devReference(d) ?? p)) : p === devReference(d) ? '1 (reference)' : '–')),
    ] : []),
    row('server work for one case until it rests', (p) => shapeText(p.shape)),
    ...(ph.some((p) => p.floorShape) ? [row('server work for one shape floor until it rests', (p) => shapeText(p.floorShape))] : []),
  ];
  return table(['measurement', ...ph.map((p) => [p.name, ...phaseDetail(d, p)].join(': '))], rows);
}

function summary(d: RunData): string {
  const ph = d.phases;
  const h = d.history;
  const sc = d.scale;
  return [phaseTable(d), '',
    table(['measurement (defaults)', 'result'], [
      ['noop workflow, for comparison', shapeText(ph[0].noopShape)],
      [`history page, ${h.events} events: p50 / p95 / p99 ms`, `${ms(h.latency.p50)} / ${ms(h.latency.p95)} / ${ms(h.latency.p99)} (${h.requests} requests, ${h.failures} failed)`],
      [`scale: start rate of the first ${sc.burst.cases} (fileGrievance, back to back)`, `${rate(sc.burst.cases / sc.burst.seconds)}/s`],
      [`scale: of ${sc.target} asked for, at rest in the contact step`, `${sc.resting} after ${sc.restSeconds.toFixed(0)} s = ${rate(sc.resting / sc.restSeconds)}/s (${sc.started} started)`],
      ['scale: RSS MiB worker / Temporal server, before → after', `${mib(sc.before.worker)} → ${mib(sc.after.worker)} / ${mib(sc.before.temporal)} → ${mib(sc.after.temporal)}`],
      [`scale: intake at ${sc.probe.offered} req/s while open, p50 / p95 / p99 ms`, `${ms(sc.probe.latency.p50)} / ${ms(sc.probe.latency.p95)} / ${ms(sc.probe.latency.p99)}`],
      [`scale: worker RSS growth per cached workflow (at most ${sc.cacheSize} cached), KiB`, perCase(sc.after.worker - sc.before.worker, Math.min(sc.resting, sc.cacheSize))],
      ['agreement confirmed → 调解书', handoffSummary(d.mediation, NO_MEDIATION)],
      ...legalAidSummary(d.legalAid, NO_MEDIATION),
      ...wagePlanSummary(d.wagePlan, NO_MEDIATION),
      ...(d.documents ? d.documents.overall.map((o) => [`documents (PDF), ${o.concurrency} at a time: documents/s (p50 / p95 / max ms)`,
        `${rate(o.perSec)} (${ms(o.latency.p50)} / ${ms(o.latency.p95)} / ${ms(o.latency.max)})`]) : []),
      negotiationIndexSummary(d.negotiationIndex, NO_MEDIATION),
      ...(d.library ? [[`library search / cases like mine, ${d.library.items} items and ${d.library.cases} grievances: p95 ms`,
        `${d.library.search.p95.toFixed(1)} / ${d.library.similar.p95.toFixed(1)}`]] : []),
    ])].join('\n');
}

/** Plain sentences built from the measured values only, so the reader sees the bottleneck without recomputing. */
function reading(d: RunData): string {
  const def = d.phases[0];
  const top = def.steps[def.steps.length - 1];
  const out = [...ratioLines(d), `- At the defaults' highest step (${top.step.offered} req/s) CPU, in % of one core: Temporal dev server ${pct(top.step.cpu.temporal)}, `
    + `worker ${pct(top.step.cpu.worker)}, API ${pct(top.step.cpu.api)}, Postgres ${pct(top.step.cpu.postgres)}, bench ${pct(top.step.cpu.loadgen)}, `
    + `everything else on the machine ${pct(top.step.cpu.other)}.`];
  if (def.shape && def.noopShape) {
    out.push(`- One grievance, from start until it rests in the contact step, made the server record ${def.shape.events} history events `
      + `(${count(def.shape.workflowTasks, 'workflow task', 'workflow tasks')}, ${count(def.shape.activityTasks, 'activity task', 'activity tasks')}); a noop workflow ${def.noopShape.events} `
      + `(${count(def.noopShape.workflowTasks, 'workflow task', 'workflow tasks')}): ${(def.shape.events / def.noopShape.events).toFixed(1)} × as many.`);
  }
  for (const p of d.phases.slice(1)) {
    if (p.shape) out.push(`- "${p.name}": ${shapeText(p.shape)} per case; most cases/s notified ${rate(peakDone(p))} vs ${rate(peakDone(def))} with the defaults; `
      + `noop limit on its server ${rate(limitOf(d, p))}/s vs ${rate(limitOf(d, def))}/s.`);
  }
  const base = d.phases.find((p) => p.worker !== 'worker.ts');
  const same = base && d.phases.find((p) => p !== base && p.worker === 'worker.ts' && p.server === base.server);
  if (base && same) {
    const [a, b] = [moderate(d, same), moderate(d, base)];
    out.push(`- "${base.name}" runs the older commit whole (its worker, its API, its schema in a database of its own), "${same.name}" this `
      + 'checkout, on the same Temporal server and with the same requests. This API answers once the case row exists, the older one right after '
      + 'the start, so their intake latencies differ by design; fan-out counts from filing for both: p95 '
      + `${sec(a.fanout.fanout.p95)} s (${same.name}, ${a.step.offered} req/s) vs ${sec(b.fanout.fanout.p95)} s (${base.name}, ${b.step.offered} req/s), `
      + `most cases/s notified ${rate(peakDone(same))} vs ${rate(peakDone(base))}.`);
  }
  out.push(...d.notes.map((n) => `- ${n}`));
  return out.join('\n');
}

export function renderMarkdown(d: RunData): string {
  const day = d.date.toISOString().slice(0, 10);
  const out: string[] = [];
  out.push(`# Gongqing benchmark ${day}${d.quick ? ' (BENCH_QUICK=1: shorter steps, fewer open cases)' : ''}`, '');
  out.push(`\`npm run bench\` at ${d.date.toISOString()}, commit ${d.commit}, wall clock ${(d.wallSeconds / 60).toFixed(1)} min. All numbers were `
    + 'measured in this one run, on one Postgres, and on the Temporal dev server each phase names. CPU columns: percent of one core over the step.', '');
  out.push('## Summary', '', summary(d), '', reading(d), '');
  out.push(machineSection(d));
  out.push(limitAndIntakeSections(d));
  out.push(scaleSection(d.scale, `## 4. Scale: ${d.scale.target} open grievances (defaults)`));
  out.push(restSections(d));
  return out.join('\n');
}

function machineSection(d: Pick<RunData, 'machine'> & { phases?: Phase[] }): string {
  return ['## Machine and settings', '', table(['', ''], [
    ['cores', d.machine.cpus], ['memory', d.machine.memory], ['OS', d.machine.os], ['Node', d.machine.node],
    ['Temporal CLI', d.machine.temporalCli], ['PostgreSQL', d.machine.postgres], ...Object.entries(d.machine.settings),
    ...(d.phases ?? []).map((p) => [`phase "${p.name}"`, `${p.workers ?? 1} × worker ${p.worker}; Temporal server: ${p.server}${p.database ? `; database ${p.database}` : ''}${Object.keys(p.env).length ? `; ${envText(p.env)}` : ''}`]),
  ]), ''].join('\n');
}

/** Sections 1–3: the noop limit, intake and its fan-out, per phase. */
function limitAndIntakeSections(d: IntakeRunData): string {
  const out: string[] = [];
  const labelled = d.phases.map((p) => ({ label: [p.name, ...phaseDetail(d, p)].join(': '), phase: p }));
  out.push('## 1. The limit: noop workflow, start and complete', '', table(
    ['phase', 'callers', 'completions/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'CPU temporal', 'CPU noop worker(s)', 'CPU postgres', 'CPU bench', 'CPU other'],
    labelled.flatMap(({ label, phase: p }) => {
      const runs: [string, LimitResult][] = [];
      if (p.limit) runs.push([label, p.limit]);
      if (p.limitAfter) runs.push([`${label} (second run)`, p.limitAfter]);
      return runs;
    }).map(([label, l]) => [label, l.callers, rate(l.perSec), ms(l.latency.p50), ms(l.latency.p95), ms(l.latency.p99), l.errors,
      pct(l.cpu.temporal), pct(l.cpu.noopWorker), pct(l.cpu.postgres), pct(l.cpu.loadgen), pct(l.cpu.other)]),
  ), '', 'CPU of a phase with two workers counts both; on the cluster, Postgres holds the Temporal server\'s databases as well as the app\'s, '
    + 'so its CPU includes the server\'s persistence. Each phase runs the noop limit twice after its intake steps, each run followed by the shape '
    + 'floor (1c) and an intake limit (1b); the open steps\' ratio is set against the higher of the two, the paired one against each (bench/lib/paired-limits.ts).', '');
  const intakeRows = intakeLimitRows(labelled);
  if (intakeRows.length) {
    out.push('### 1b. The intake limit: grievances filed in a closed loop, as the noop limit\'s callers start noops', '', table(INTAKE_LIMIT_HEAD, intakeRows), '',
      'Each caller files again as soon as it is answered (bench/intake-limit.ts), for as long as a noop limit runs, staying under the API\'s start '
      + 'gate; counted: cases answered 201 whose five intake notices were written, per second. CPU per case: Temporal + worker + API + Postgres, '
      + 'as for a noop in the CPU budget.', '');
  }
  const floor = floorRows(labelled);
  if (floor.length) {
    out.push('### 1c. The shape floor: a case\'s shape with nothing of the app in it', '', table(FLOOR_HEAD, floor), '',
      'Right after each noop run, on the same noop workers and with the same callers (bench/floor-limit.ts): a workflow started together with '
      + 'an update that is answered once a local activity that does nothing has landed, and that then rests on two timers, as a grievance does '
      + '(bench/workflows/shape-floor.ts), started by the bench\'s client with no API, no payload and no write of the app\'s. Floor ÷ noop is '
      + 'what the shape costs; intake ÷ floor what the app adds (the summary gives both).', '');
  }

  out.push('## 2–3. Intake through the HTTP API, and SMS fan-out of the same cases', '',
    `Fixed offered rate per step, ${d.phases[0].steps[0]?.step.seconds.toFixed(0)} s each, open: every request leaves at its planned time, `
    + 'answered or not (up to 10 lanes evenly spaced within each second, each sending its share of the second at once, as the '
    + 'autocannon lanes of earlier runs did; autocannon itself waited for each answer before the next request, which since the API answers '
    + 'later sent less than offered), a unique idempotency key per request, 10 s timeout. '
    + 'Every request files as staff on a worker\'s behalf (beishan.sg, `Authorization: Bearer`): since issue 14 a public filing needs a code '
    + 'texted to the phone and is limited per phone and per client address, which one load generator would measure as 429s; a staff filing '
    + 'starts the same workflow with the same input and is not limited. This checkout\'s API answers once the case row exists '
    + '(update-with-start), so its latency includes the workflow\'s first task and the write of the case row; the baseline\'s API answered '
    + 'right after the start. Fan-out: from filing (the request sent) to the last of the case\'s five \'intake-notice\' rows, the same '
    + 'for both APIs ("after 201": from the answer instead). "fan-out done": of the cases answered 201 and those whose request timed out '
    + '(the API may have started them; their number is derived from the idempotency key as the API does), so none is left as a hidden '
    + 'backlog for the next step. "cases/s done": cases fully notified per second, from the first filing to the '
    + 'last notice: the worker\'s pace. Each step\'s fan-out is awaited before the next.', '', table(
      ['variant', 'offered req/s', 'accepted/s', 'answers', '503 come back', 'timeouts', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'fan-out done', 'fan-out p50 s', 'p95 s', 'max s', 'p95 s after 201', 'cases/s done', 'CPU temporal', 'CPU worker', 'CPU API', 'CPU postgres', 'CPU bench', 'CPU other'],
      d.phases.flatMap((p) => p.steps.map(({ step: s, fanout: f }) => [p.name, s.offered, rate(s.acceptedPerSec), s.statusCodes || '–', s.comeBack ?? '–', s.timeouts, s.errors,
        ms(s.latency.p50), ms(s.latency.p95), ms(s.latency.p99), `${f.done}/${f.cases}`, sec(f.fanout.p50), sec(f.fanout.p95), sec(f.fanout.max), sec(f.afterAnswer.p95),
        rate(f.donePerSec), pct(s.cpu.temporal), pct(s.cpu.worker), pct(s.cpu.api), pct(s.cpu.postgres), pct(s.cpu.loadgen), pct(s.cpu.other)])),
    ), '', `Sustained (summary): ≥ 95 % of the offered rate accepted, no errors, every case notified, fan-out p95 ≤ ${SUSTAINED_FANOUT_P95_MS / 1000} s from filing.`, '');

  out.push(`### 3. SMS fan-out at a moderate load (${d.moderateRate} req/s or the step nearest to it), from filing`, '', table(['variant', 'offered req/s', 'cases', 'p50 s', 'p95 s', 'max s', 'p95 s after 201'],
    d.phases.filter((p) => p.steps.length).map((p) => { const m = moderate(d, p); return [p.name, m.step.offered, `${m.fanout.done}/${m.fanout.cases}`, sec(m.fanout.fanout.p50), sec(m.fanout.fanout.p95), sec(m.fanout.fanout.max), sec(m.fanout.afterAnswer.p95)]; })), '');
  return out.join('\n');
}

const STOPPED: Record<ScaleResult['startStop'], string> = {
  'all started': 'every case asked for was started',
  'time box': 'the time box ran out while starting',
  pace: 'starting stopped early: at the pace seen, the cases on their way would not have come to rest within the time box',
};

/** Section 4 (and the cluster-scale report): N open cases, their pace, memory, and intake while they are open. */
function scaleSection(sc: RunData['scale'], title: string): string {
  const out: string[] = [];
  out.push(title, '', table(['', 'value'], [
    [`first ${sc.burst.cases} started back to back with fileGrievance (the API's own service: each returns once its case row exists), ${sc.concurrency ?? 50} at a time`, `${rate(sc.burst.seconds)} s = ${rate(sc.burst.cases / sc.burst.seconds)}/s`],
    [`started in all, at most ${sc.window} at a time on their way to rest`, `${sc.started} of ${sc.target}, ${sc.startErrors} failed starts${sc.startStop && sc.startErrors ? ' (each case tried again)' : ''}`],
    ['at rest: contact task and all six intake SMS written, waiting on the 12 h and 24 h timers', `${sc.resting}/${sc.started} after ${sc.restSeconds.toFixed(0)} s = ${rate(sc.resting / sc.restSeconds)} cases/s (one time box of ${sc.timeBoxSeconds} s for starting and resting)`],
    ['worker RSS MiB before / after / peak', `${mib(sc.before.worker)} / ${mib(sc.after.worker)} / ${mib(sc.peak.worker)}`],
    ['growth per resting case, KiB (after − before) ÷ at rest: worker / Temporal server', `${perCase(sc.after.worker - sc.before.worker, sc.resting)} / ${perCase(sc.after.temporal - sc.before.temporal, sc.resting)}`],
    ['Temporal server RSS MiB before / after / peak', `${mib(sc.before.temporal)} / ${mib(sc.after.temporal)} / ${mib(sc.peak.temporal)}`],
    ['Postgres RSS MiB, all its processes (shared buffers counted in each) before / after', `${mib(sc.before.postgres)} / ${mib(sc.after.postgres)}`],
    ['API RSS MiB before / after', `${mib(sc.before.api)} / ${mib(sc.after.api)}`],
    [`intake while they are open (staff filing, as above): ${sc.probe.offered} req/s for ${sc.probe.seconds.toFixed(0)} s`, `${rate(sc.probe.acceptedPerSec)}/s accepted, p50 ${ms(sc.probe.latency.p50)} ms, p95 ${ms(sc.probe.latency.p95)} ms, p99 ${ms(sc.probe.latency.p99)} ms, ${sc.probe.errors + sc.probe.non2xx} errors`],
    ['fan-out of those cases from filing (waited at most 30 s)', `${sc.probeFanout.done}/${sc.probeFanout.cases} notified, p50 ${sec(sc.probeFanout.fanout.p50)} s, p95 ${sec(sc.probeFanout.fanout.p95)} s`],
    ...(sc.startStop ? [['what stopped it', `${STOPPED[sc.startStop]}${sc.startErrors ? `; ${sc.startErrors} starts failed and were tried again, the first: ${sc.firstStartError ?? '?'}` : ''}`
      + `${sc.resting < sc.started ? `; ${sc.started - sc.resting} started but not at rest when the time box ended` : ''}`]] : []),
  ]), '');
  return out.join('\n');
}

/** Sections 5–9 of a whole run. */
function restSections(d: RunData): string {
  const out: string[] = [];

  const h = d.history;
  out.push('## 5. Supervisor history page (defaults)', '', table(['case', 'history events', 'notes sent', 'response bytes', 'requests', 'failures', 'p50 ms', 'p95 ms', 'p99 ms'],
    [[h.caseNo, h.events, h.notes, h.bytes, h.requests, h.failures, ms(h.latency.p50), ms(h.latency.p95), ms(h.latency.p99)]]), '',
  'GET /api/v1/cases/:caseNo/history as district staff (xihu.qb), one request at a time. The case is filed by xihu.qb; the notes '
  + 'are the worker\'s, sent with the worker\'s token opened once by the personal link of the receipt SMS (derived from the keys file).', '');
  out.push(handoffSection(d.mediation, NO_MEDIATION));
  out.push(legalAidSection(d.legalAid, NO_MEDIATION));
  out.push(wagePlanSection(d.wagePlan, NO_MEDIATION));
  if (d.documents) out.push(documentsSection(d.documents));
  out.push(negotiationIndexSection(d.negotiationIndex, NO_MEDIATION));
  if (d.library) out.push(librarySection(d.library));
  return out.join('\n');
}

const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  'mediation-agreement': '调解协议书', 'review-application': '仲裁审查确认申请书', 'transfer-letter': '转仲裁函', 'case-file': '调解案卷材料', 'enforcement-application': '强制执行申请书',
};

function documentsSection(r: DocumentsResult): string {
  const differing = r.cells.reduce((a, c) => a + c.differing, 0);
  return ['## 8. Documents (PDF)', '',
    'renderDocument of activities/documents alone (figures, template, layout, font subset, PDF; no Temporal, no database, nothing '
    + 'stored), in the bench\'s own process after every other phase, with the worker and API stopped. Each document kind is made for a '
    + 'case of 3 workers and for the Xiamen case of 43 workers (3,620,000 yuan in 3 installments; bench/lib/document-data.ts), one at a '
    + 'time, then several at a time in the same process (as a worker runs activities side by side, on one JavaScript thread): the latency '
    + `of a document made beside others. Every kind and case was made once before it was timed; the first document of the `
    + `process (font files read, templates compiled) took ${ms(r.coldMs)} ms. Font: ${r.font}.`, '',
    table(['document', 'case', 'at a time', 'documents', 'documents/s', 'p50 ms', 'p95 ms', 'max ms', 'pages', 'KiB'], [
      ...r.cells.map((c) => [`${DOCUMENT_TITLES[c.kind]} (${c.kind})`, c.dispute, c.concurrency, c.docs, rate(c.perSec),
        ms(c.latency.p50), ms(c.latency.p95), ms(c.latency.max), c.pages, (c.bytes / 1024).toFixed(0)]),
      ...r.overall.map((o) => ['**all four, both cases**', '', o.concurrency, o.docs, rate(o.perSec), ms(o.latency.p50), ms(o.latency.p95), ms(o.latency.max), '', '']),
    ]), '',
    `CPU while timed, in % of one core, of the bench process / everything else on the machine: ${r.overall.map((o) => `${pct(o.cpu.bench)} / ${pct(o.cpu.other)} (${o.concurrency} at a time)`).join(', ')}; `
    + `its RSS afterwards ${mib(r.rssMiB)} MiB. "all four, both cases": every document of that row's cells over the sum of their wall times. `
    + `Timed documents whose bytes differed from the untimed one of the same data: ${differing}.`, ''].join('\n');
}

export function writeReport(d: RunData, dir: string): { markdown: string; file: string } {
  const markdown = renderMarkdown(d);
  const file = `${dir}/${d.date.toISOString().slice(0, 10)}${d.quick ? '-quick' : ''}.md`;
  writeFileSync(file, `${markdown}\n`);
  return { markdown, file };
}

/** BENCH_ONLY=intake: the phase table with its ratios, then sections 1–3, in bench/results/<date>[-quick]-intake.md. */
export function renderIntakeMarkdown(d: IntakeRunData): string {
  const out: string[] = [];
  out.push(`# Gongqing intake bench ${d.date.toISOString().slice(0, 10)}${d.quick ? ' (BENCH_QUICK=1: shorter steps)' : ''}`, '');
  out.push(`\`BENCH_ONLY=intake npm run bench\` at ${d.date.toISOString()}, commit ${d.commit}, wall clock ${(d.wallSeconds / 60).toFixed(1)} min: `
    + 'the noop limit and grievance intake on the Temporal dev server, then on the production topology\'s Temporal server on PostgreSQL '
    + 'with one worker and with two on the same task queue (two noop workers for the limit; two real workers behind one API for intake). '
    + 'All on one Postgres. CPU columns: percent of one core over the step.', '');
  const notes = d.notes.map((n) => `- ${n}`);
  out.push('## Summary', '', phaseTable(d), '', ...ratioLines(d), ...notes, '');
  out.push(machineSection(d));
  out.push(limitAndIntakeSections(d));
  return out.join('\n');
}

export function writeIntakeReport(d: IntakeRunData, dir: string): { markdown: string; file: string } {
  const markdown = renderIntakeMarkdown(d);
  const file = `${dir}/${d.date.toISOString().slice(0, 10)}${d.quick ? '-quick' : ''}-intake.md`;
  writeFileSync(file, `${markdown}\n`);
  return { markdown, file };
}

/** BENCH_ONLY=cluster-scale: open cases on the cluster, in bench/results/<date>[-quick]-cluster-scale.md. */
export function writeClusterScaleReport(d: ClusterScaleRunData, dir: string): { markdown: string; file: string } {
  const sc = d.scale;
  const markdown = [
    `# Gongqing cluster scale bench ${d.date.toISOString().slice(0, 10)}${d.quick ? ' (BENCH_QUICK=1)' : ''}`, '',
    `\`BENCH_ONLY=cluster-scale npm run bench\` at ${d.date.toISOString()}, commit ${d.commit}, wall clock ${(d.wallSeconds / 60).toFixed(1)} min. `
    + `Grievances opened with fileGrievance on ${d.server}, one worker and one API, until ${sc.target} were asked for or the time box of `
    + `${sc.timeBoxSeconds} s ran out (BENCH_OPEN_CASES, BENCH_SCALE_SECONDS).`, '',
    '## Summary', '', table(['measurement', 'result'], [
      ['open cases at rest on the cluster', `${sc.resting} of ${sc.target} asked for, after ${sc.restSeconds.toFixed(0)} s = ${rate(sc.resting / sc.restSeconds)}/s (${sc.started} started)`],
      ['what stopped it', `${STOPPED[sc.startStop]}${sc.startErrors ? `; ${sc.startErrors} starts failed and were tried again, the first: ${sc.firstStartError ?? '?'}` : ''}`
        + `${sc.resting < sc.started ? `; ${sc.started - sc.resting} started but not at rest when the time box ended` : ''}`],
      ['worker RSS growth per resting case, KiB (after − before) ÷ at rest', perCase(sc.after.worker - sc.before.worker, sc.resting)],
      [`worker RSS growth per cached workflow (at most ${sc.cacheSize} cached), KiB`, perCase(sc.after.worker - sc.before.worker, Math.min(sc.resting, sc.cacheSize))],
      ['Temporal server RSS growth per resting case, KiB', perCase(sc.after.temporal - sc.before.temporal, sc.resting)],
    ]), '', ...d.notes.map((n) => `- ${n}`), '',
    scaleSection(sc, `## Scale: ${sc.target} open grievances on the cluster`),
    machineSection(d),
  ].join('\n');
  const file = `${dir}/${d.date.toISOString().slice(0, 10)}${d.quick ? '-quick' : ''}-cluster-scale.md`;
  writeFileSync(file, `${markdown}\n`);
  return { markdown, file };
}
