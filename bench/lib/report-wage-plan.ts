/** The report's lines for the wage plan's daily schedule opening a city's rounds (bench/wage-plan.ts). */
import type { WagePlanResult } from '../wage-plan';
import { rate } from './stats';

export function wagePlanSummary(r: WagePlanResult | undefined, missing: string): string[][] {
  return [['wage rounds opened by the plan schedule: rounds/s (enterprises; start → every row written)', r
    ? `${rate(r.roundsPerSec)} (${r.enterprises}; ${r.writtenSeconds.toFixed(1)} s, opener ${r.openerSeconds.toFixed(1)} s; second run opened ${r.second.opened})` : missing]];
}

export function wagePlanSection(r: WagePlanResult | undefined, missing: string): string {
  const head = '## Wage negotiation: the plan\'s schedule opens a city\'s rounds';
  if (!r) return [head, '', missing, ''].join('\n');
  return [head, '',
    `A district of ${r.enterprises} enterprises, each with its union, all planned to start in ten days; the opener the daily schedule runs `
    + '(openPlannedWageRounds, started as the schedule starts it) on the defaults\' worker.', '',
    '| measure | value |', '|---|---|',
    `| rounds started by the opener | ${r.opened} in ${r.openerSeconds.toFixed(1)} s |`,
    `| every round's case row and wage_rounds row written | ${r.writtenSeconds.toFixed(1)} s from the start (${rate(r.roundsPerSec)} rounds/s) |`,
    `| the opener run again | opened ${r.second.opened}, already open ${r.second.alreadyOpen}, ${r.second.seconds.toFixed(1)} s |`, ''].join('\n');
}
