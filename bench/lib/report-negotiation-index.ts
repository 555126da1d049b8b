/** Section 9 of the report: the negotiation index's roll-up for 1,000 enterprises (bench/negotiation-index.ts). */
import { writeFileSync } from 'node:fs';
import type { NegotiationIndexResult } from '../negotiation-index';
import { ms, rate } from './stats';

const triple = (s: { p50: number; p95: number; max: number }) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`;

/** One row of the summary table. */
export function negotiationIndexSummary(r: NegotiationIndexResult | undefined, missing: string): string[] {
  return [`negotiation index: roll-up of ${r?.enterprises ?? 1000} enterprises, ms p50 / p95 / max (enterprises/s at p50)`,
    r ? `${triple(r.total)} (${rate(r.enterprises / (r.total.p50 / 1000))})` : missing];
}

export function negotiationIndexSection(r: NegotiationIndexResult | undefined, missing: string): string {
  const head = '## 9. Negotiation index: the roll-up for 1,000 enterprises';
  if (!r) return [head, '', missing, ''].join('\n');
  const row = (label: string, s: NegotiationIndexResult['total']) => `| ${label} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${rate(r.enterprises / (s.p50 / 1000))} |`;
  return [head, '',
    `In the bench's own process on its Postgres, no Temporal (the last phase of a full run). A district of its own with ${r.streets} streets `
    + `and ${r.enterprises} enterprises, each with a year of data like the workflow's: ${r.rows.rounds} rounds, ${r.rows.offers} offers, `
    + `${r.rows.posts} workers' posts (a tenth removed by moderation), ${r.rows.grievances} grievances, ${r.rows.enteredValues} entered values `
    + `(inserted in ${r.setupSeconds.toFixed(1)} s, then ANALYZE). One computation is what GET /api/v1/negotiation-index/scores and the page do: `
    + 'the tree in force, the computed values (four grouped queries), the entered values, 52 leaves scored per enterprise, the weighted '
    + `roll-up to dimensions, streets and the city. ${r.runs} computations one after another, after one untimed.`, '',
    '| measured | runs | p50 ms | p95 ms | max ms | enterprises/s at p50 |', '|---|---|---|---|---|---|',
    row('**whole computation (queries + scoring + roll-up)**', r.total),
    row('… the reads alone (tree, enterprises, computed and entered values)', r.queries),
    row('… scoring and roll-up alone, on what was read', r.scoring), '',
    `Then, once each: the CSV of the city, ${r.streets} streets and ${r.enterprises} enterprises in ${ms(r.csv.ms)} ms (${(r.csv.bytes / 1024).toFixed(0)} KiB); `
    + `the chart of the city and its streets as PNG in ${ms(r.chart.ms)} ms (${(r.chart.bytes / 1024).toFixed(0)} KiB, the first chart of the process: `
    + `Vega parsed, the font file read). The city's total: ${r.cityTotal.toFixed(2)}.`, ''].join('\n');
}

/** BENCH_ONLY=negotiation-index: the section alone, in bench/results/<date>[-quick]-negotiation-index.md. */
export function writeNegotiationIndexReport(r: NegotiationIndexResult, dir: string, facts: { date: Date; commit: string; quick: boolean }): { markdown: string; file: string } {
  const markdown = [`# Bench ${facts.date.toISOString().slice(0, 10)}${facts.quick ? ' (quick)' : ''}: negotiation index only`, '',
    `Commit ${facts.commit}; BENCH_ONLY=negotiation-index (the other phases were not run).`, '', negotiationIndexSection(r, '')].join('\n');
  const file = `${dir}/${facts.date.toISOString().slice(0, 10)}${facts.quick ? '-quick' : ''}-negotiation-index.md`;
  writeFileSync(file, `${markdown}\n`);
  return { markdown, file };
}
