/**
 * The computed leaves' raw values from what the system recorded about an enterprise's year (its round and the
 * grievances against it). Days are Asia/Shanghai calendar days between two moments; the on-time checks compare them
 * with the leaf's `withinDays` (e.g. 10 days from signing to filing, 集体合同规定 Art. 42) and, unlike the workflow's
 * statutory clocks, do not move a last day that falls on a holiday: the index reads a year, not a deadline.
 */
import type { IndexTree, Measure, RawValues, Source } from './types';
import { leavesOf } from './tree-walk';

export interface YearFacts {
  /** suggestions on the 协商码 page, not removed by moderation */
  suggestions: number;
  /** proposals and offers recorded */
  offers: number;
  grievances: number;
  /** the round's dates; all null when there was no round that year */
  requestedAt: Date | null;
  agreedAt: Date | null;
  signedAt: Date | null;
  filedAt: Date | null;
  effectiveAt: Date | null;
  publishedAt: Date | null;
}

export const NO_FACTS: YearFacts = {
  suggestions: 0, offers: 0, grievances: 0, requestedAt: null, agreedAt: null, signedAt: null, filedAt: null, effectiveAt: null, publishedAt: null,
};

const SHANGHAI_MS = 8 * 3600_000;
const dayNumber = (d: Date) => Math.floor((d.getTime() + SHANGHAI_MS) / 86_400_000);
/** calendar days from a to b in Asia/Shanghai, or null if either is missing */
export const daysBetween = (a: Date | null, b: Date | null) => (a && b ? dayNumber(b) - dayNumber(a) : null);
const onTime = (from: Date | null, to: Date | null, within: number) => {
  if (!from) return null; // the step before did not happen: nothing to be on time for (no value, no points)
  const days = daysBetween(from, to);
  return days !== null && days <= within ? 1 : 0;
};

const DEFAULT_DAYS: Partial<Record<Measure, number>> = { filedOnTime: 10, effectiveOnTime: 15, publishedOnTime: 7 };

export function computedValue(f: YearFacts, source: Extract<Source, { kind: 'computed' }>): number | null {
  const within = source.withinDays ?? DEFAULT_DAYS[source.measure] ?? 0;
  switch (source.measure) {
    case 'suggestions': return f.suggestions;
    case 'offers': return f.offers;
    case 'grievances': return f.grievances;
    case 'daysToAgreement': return daysBetween(f.requestedAt, f.agreedAt);
    case 'agreementReached': return f.agreedAt ? 1 : 0;
    case 'filedOnTime': return onTime(f.signedAt, f.filedAt, within);
    case 'effectiveOnTime': return onTime(f.filedAt, f.effectiveAt, within);
    case 'publishedOnTime': return onTime(f.effectiveAt, f.publishedAt, within);
  }
}

/** Every computed leaf's raw value, with the entered values beside them (computed leaves ignore an entered value). */
export function rawValuesOf(tree: IndexTree, facts: YearFacts, entered: RawValues): RawValues {
  const out: RawValues = {};
  for (const leaf of leavesOf(tree)) out[leaf.code] = leaf.source.kind === 'computed' ? computedValue(facts, leaf.source) : entered[leaf.code] ?? null;
  return out;
}
