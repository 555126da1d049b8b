/** Percentiles over raw samples. Every sample is kept (runs are short), so no histogram rounding hides a tail. */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array: always a value that was really observed. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(values: number[]): Summary {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  return {
    n,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: n ? sorted.reduce((a, b) => a + b, 0) / n : NaN,
    max: n ? sorted[n - 1] : NaN,
  };
}

/** Milliseconds for the tables: whole ms above 10, one decimal below, '–' when there was nothing to measure. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return v >= 10 ? String(Math.round(v)) : v.toFixed(1);
}

/** Seconds with two decimals (fan-out, durations). */
export function sec(msValue: number): string {
  return Number.isFinite(msValue) ? (msValue / 1000).toFixed(2) : '–';
}

/** A CPU column: percent of one core, whole; '–' when the process was not measured. */
export function pct(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '–' : `${Math.round(v)}`;
}

export function rate(v: number): string {
  return Number.isFinite(v) ? v.toFixed(1) : '–';
}

export const sleep = (msValue: number) => new Promise<void>((r) => setTimeout(r, msValue));
