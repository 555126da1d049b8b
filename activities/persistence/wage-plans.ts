/**
 * The plan rows the daily schedule opens (workflows/wage-plan-opener.ts): not yet opened, starting within so many days
 * (or already past: a row added late opens at once, and its round goes straight to supervision), and the policy in
 * force, which the worker process reads from its config (a workflow may not read the environment).
 */
import type { Kysely } from 'kysely';
import { duePlans } from '../../db/queries/wage-plans';
import type { Database } from '../../db/schema';
import { defaultWageNegotiationPolicy } from '../../temporal.config';
import { shanghaiDate } from '../../workflows/shared/deadlines';

export function createWagePlanLookup(db: Kysely<Database>) {
  return {
    async dueWagePlans({ today, aheadDays }: { today: string; aheadDays: number }) {
      const plans = await duePlans(db, shanghaiDate(Date.parse(today) + aheadDays * 86_400_000));
      return { plans, policy: defaultWageNegotiationPolicy };
    },
  };
}
