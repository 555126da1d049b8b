/** The report of `BENCH_ONLY=changes` (bench/changes.ts): one row per commit, each on a dev server of its own. */
import type { ChangeResult } from '../changes';
import { bestStep } from './cpu-budget';
import { ms } from './stats';

const f1 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(1));
const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${Math.round(v)} %`);
const peak = (r: ChangeResult) => {
  const v = r.steps.map((s) => s.fanout.donePerSec).filter(Number.isFinite);
  return v.length ? Math.max(...v) : NaN;
};
/** CPU (ms of one core) each process spent per case fully notified, at the step that notified the most per second. */
function cpuPerCase(r: ChangeResult): string {
  const best = bestStep(r.steps);
  if (!best) return '–';
  const perCase = (k: string) => Math.round((10 * (best.step.cpu[k] ?? NaN)) / best.fanout.donePerSec);
  return ['temporal', 'worker', 'api', 'postgres'].map((k) => `${k} ${perCase(k)}`).join(', ');
}

export function changesSection(results: ChangeResult[], rates: number[]): string {
  const head = ['commit', 'change', 'history of one case until it rests', 'noop limit /s', 'most cases/s notified', 'intake ÷ noop',
    ...rates.map((r) => `${r} req/s: accepted/s, p95 ms, 503s`), 'CPU ms per case at that step'];
  const rows = results.map((r) => {
    if (r.failed) return [r.commit.slice(0, 7), r.subject, `not measured: ${r.failed}`, ...head.slice(3).map(() => '–')];
    const s = r.shape;
    const shape = s ? `${s.events} events: ${s.workflowTasks} workflow tasks, ${s.activityTasks} activity tasks, ${s.localActivities} local activities, ${s.patches} patch markers, ${s.timers} timers` : '–';
    const p = peak(r);
    return [
      r.commit.slice(0, 7), r.subject.slice(0, 90), shape, f1(r.limit?.perSec), f1(p), pct((100 * p) / (r.limit?.perSec ?? NaN)),
      ...rates.map((rate) => {
        const st = r.steps.find((x) => x.step.offered === rate);
        return st ? `${f1(st.step.acceptedPerSec)}, ${ms(st.step.latency.p95)}, ${st.step.comeBack}` : '–';
      }),
      cpuPerCase(r),
    ];
  });
  return [
    '## Each change before and after (BENCH_ONLY=changes)',
    '',
    'Every commit on a fresh Temporal dev server of its own (SQLite with a write-ahead log, as scripts/bench.sh starts it): the noop limit with this checkout\'s noop worker, then grievance intake over HTTP with that commit\'s worker and API on a database of its own schema, each step\'s fan-out awaited before the next. "most cases/s notified": the highest pace at which cases got all five intake notices, in any step; "intake ÷ noop" sets it against the noop limit of the same server. CPU per case: percent of one core over the step × 10 ÷ cases notified per second.',
    '',
    `| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
