/**
 * What a run measures and for how long, in one place. BENCH_QUICK=1 shortens every step (about 5 minutes in all); a
 * full run takes about half an hour on a 2-core machine. Numbers here are settings, never results.
 */
const quick = process.env.BENCH_QUICK === '1';
const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** BENCH_RATES="6,12,24": the intake steps' offered rates instead of the defaults below (positive integers, any order). */
function ratesFromEnv(): number[] | undefined {
  const spec = process.env.BENCH_RATES;
  if (!spec) return undefined;
  const rates = spec.split(',').map((r) => Number(r.trim())).filter((r) => Number.isInteger(r) && r > 0);
  if (rates.length === 0) throw new Error(`BENCH_RATES="${spec}": expected a comma list of whole req/s, e.g. 6,12,24`);
  return [...new Set(rates)].sort((a, b) => a - b);
}

export const NOOP_TASK_QUEUE = 'gq-bench-noop';
/** The real worker's queue in the bench: its own, so a worker of another copy of the app can never take our tasks. */
export const CASE_TASK_QUEUE = 'gq-bench-cases';

export const benchConfig = {
  quick,
  limit: { callers: 50, seconds: quick ? 8 : 15 },
  /**
   * The intake limit (bench/intake-limit.ts): callers filing in a closed loop for the noop limit's seconds; 30 stay
   * under the API's start gate of 32 in flight (api/services/start-gate.ts), as the scale bench's starts do.
   */
  intakeLimit: { callers: 30 },
  /**
   * Offered request rates (req/s) of the intake steps, each held for `seconds`, rising until they pass where the
   * default worker setup stops keeping up on a 2-core machine (see bench/results): a full run reaches past 80 % of a
   * noop limit of 80–95/s (session 13; 60–70/s before the bench's noop callers used the native connection). Around the
   * knee the steps are 8 req/s apart: "most cases/s notified" is the best step's pace, and 12 apart it understated a
   * worker that kept up with 41/s as 36; a ladder ending at 64 capped a dev server that filed and notified all 64/s. A
   * phase stops after two steps in a row it did not sustain: rates far past its knee would only grow a backlog that
   * every later step has to wait out. BENCH_RATES overrides them.
   */
  intake: { rates: ratesFromEnv() ?? (quick ? [4, 12, 24] : [6, 12, 24, 36, 48, 56, 64, 72, 80, 88]), seconds: quick ? 8 : 15 },
  /** the step whose fan-out the report singles out as "moderate load" */
  fanoutRate: 6,
  /** how long to wait after a step for its cases' SMS before giving up on the rest (the worker's backlog) */
  drainSeconds: quick ? 60 : 120,
  /**
   * "before": a second dev server with SQLite's default journal, this checkout's worker and API on it, then an older
   * commit's worker and API with its own schema in a database of its own (bench/lib/baseline.ts)
   */
  before: process.env.BENCH_BEFORE !== '0',
  /**
   * N open cases. Starting and coming to rest share one time box, wide enough for 10,000 at the pace of bench/results
   * (the report says how many got there if some did not). BENCH_SCALE_SECONDS changes it.
   */
  scale: {
    // 30 starts at a time: under the start gate's 32 in flight (GONGQING_STARTS_IN_FLIGHT, api/services/start-gate.ts),
    // which answers "busy" to more; bench/scale.ts tries a refused case again.
    openCases: num('BENCH_OPEN_CASES', quick ? 500 : 10_000), startConcurrency: 30, window: quick ? 50 : 200,
    settleSeconds: num('BENCH_SCALE_SECONDS', quick ? 60 : 900), probeRate: 4, probeSeconds: quick ? 6 : 10,
  },
  /**
   * The cluster phases (issue 24): the full Temporal server that scripts/bench.sh started on the bench's Postgres
   * (GQ_BENCH_CLUSTER_ADDRESS), with one and with two workers; BENCH_CLUSTER=0 skips them. The phases share the server
   * and its databases, so a later phase runs on what the earlier ones left: BENCH_CLUSTER_WORKERS ("1,2" unless said)
   * names the phases and their order ("2,1" to see whether the order counts, "2" for one alone).
   */
  cluster: {
    workers: (process.env.BENCH_CLUSTER_WORKERS ?? '1,2').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0),
    address: process.env.GQ_BENCH_CLUSTER_ADDRESS || undefined,
    pgid: Number(process.env.GQ_BENCH_CLUSTER_PGID) || undefined,
    version: process.env.GQ_BENCH_CLUSTER_VERSION || '?',
    note: process.env.GQ_BENCH_CLUSTER_NOTE || undefined,
  },
  /**
   * BENCH_ONLY=cluster-scale: open cases on the cluster toward 100,000 (BENCH_OPEN_CASES) within a time box of an hour
   * (BENCH_SCALE_SECONDS; 60 s quick), with the dev server's window of cases on their way to rest and its 30 starters.
   */
  clusterScale: {
    openCases: num('BENCH_OPEN_CASES', quick ? 500 : 100_000), startConcurrency: 30, window: quick ? 50 : 200,
    settleSeconds: num('BENCH_SCALE_SECONDS', quick ? 60 : 3600), probeRate: 4, probeSeconds: quick ? 6 : 10,
  },
  history: { minEvents: 200, maxNotes: 80, requests: 100 },
  /**
   * Legal aid (bench/legal-aid.ts): applications registered by 1, then more, callers at once for `seconds` each; then
   * `cases` cases from application to the 指派函 in the lawyer's inbox, all at once.
   */
  legalAid: { concurrency: quick ? [1, 4, 8] : [1, 4, 8, 16], seconds: quick ? 6 : 15, cases: quick ? 3 : 10 },
};
