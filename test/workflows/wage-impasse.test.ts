import { describe, expect, it } from 'vitest';
import { chair, cityStaff, useWageRounds, wageInput } from '../helpers/wage-rounds';
import { eventually } from '../helpers/time-skipping';

const DAY = 86_400_000;
const { ctx, start, today } = useWageRounds('wage-impasse');

describe('wage round: an impasse brings the city union in (time skipping)', () => {
  it('after the configured number of union proposals, and in another round after the configured days, each once', async () => {
    const on = await today();
    const base = wageInput(on);
    const talk = async (input: typeof base) => {
      const c = await start(input);
      await c.act('requestNegotiation', chair, { from: 'union', sentOn: on });
      await c.act('recordAnswer', chair, { agreed: true, answeredOn: on });
      return c;
    };
    const offer = (side: 'union' | 'employer', terms: string) => ({ side, clauses: [{ item: '工资增长', terms }] });

    // by rounds: the second union proposal without agreement (impasseRounds 2)
    const byRounds = await talk({ ...base, policy: { ...base.policy, impasseRounds: 2, impasseAfter: 365 * DAY } });
    await byRounds.act('makeOffer', chair, offer('union', '6%'));
    await byRounds.act('makeOffer', chair, offer('employer', '2%'));
    expect(byRounds.events('impasse')).toHaveLength(0);
    await byRounds.act('makeOffer', chair, offer('union', '5%'));
    await eventually(() => byRounds.tasks('impasse').length === 1);
    expect(byRounds.events('impasse')[0].summary).toMatch(/职工方已提出2轮方案仍未达成一致/);
    expect(byRounds.tasks('impasse')[0].role).toBe('district_staff');
    expect((await byRounds.view()).impasse?.reason).toMatch(/2轮/);
    // more offers do not bring it in again; agreement ends the city union's task
    await byRounds.act('makeOffer', chair, offer('union', '4%'));
    await byRounds.act('reachAgreement', cityStaff, { offerNo: 4 });
    await eventually(() => byRounds.tasks('impasse')[0].status === 'done');
    expect(byRounds.events('impasse')).toHaveLength(1);

    // by days: 30 days of talks without agreement (impasseAfter), however few the proposals
    const byDays = await talk({ ...wageInput(on), policy: { ...base.policy, impasseRounds: 99, impasseAfter: 30 * DAY } });
    await byDays.act('makeOffer', chair, offer('union', '6%'));
    await ctx.env.sleep(29 * DAY);
    expect(byDays.events('impasse')).toHaveLength(0);
    await ctx.env.sleep(2 * DAY);
    await eventually(() => byDays.events('impasse').length === 1 && byDays.tasks('impasse').length === 1);
    expect(byDays.events('impasse')[0].summary).toMatch(/协商已持续30日仍未达成一致/);
  });
});
