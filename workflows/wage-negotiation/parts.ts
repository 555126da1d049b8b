/** What every part of the wage round's workflow works with: the case, its facts, its policy, its state and clock. */
import type { WageNegotiationPolicy } from '../../temporal.config';
import type { CaseHost } from '../shared/case-host';
import type { Assignee, LadderPolicy } from '../shared/human-step';
import type { StatutoryClock } from '../shared/statutory-clock';
import type { WageRoundIntake } from '../kinds/wage-negotiation/model';
import type { WageState } from '../kinds/wage-negotiation/state';

export interface RoundParts {
  host: CaseHost;
  intake: WageRoundIntake;
  policy: WageNegotiationPolicy & LadderPolicy;
  s: WageState;
  clock: StatutoryClock;
}

/** 00:00 of a date in Asia/Shanghai (a plan's start, a date a person typed): where its periods start counting. */
export const startOfDay = (date: string): number => Date.parse(`${date}T00:00:00+08:00`);

/** The round's union side: the enterprise union's chair. */
export const chair = (p: RoundParts): Assignee => ({ role: 'enterprise_chair', unitId: p.intake.unionUnitId, department: null });
/** The city union (the district federation): it leads supervision and steps in at an impasse. */
export const cityUnion = (p: RoundParts): Assignee => ({ role: 'district_staff', unitId: p.intake.districtId, department: null });

export const isOver = (s: WageState) => s.outcome !== null;
