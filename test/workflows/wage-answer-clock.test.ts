import { describe, expect, it } from 'vitest';
import { statutoryDeadline } from '../../workflows/shared/deadlines';
import { chair, cityStaff, useWageRounds, wageInput } from '../helpers/wage-rounds';
import { eventually } from '../helpers/time-skipping';
import { toHolidayCalendar } from '../../workflows/shared/statutory-clock';

const MINUTE = 60_000;
const { ctx, start, today } = useWageRounds('wage-answer-clock');

describe('wage round: the 20-day answer to a written request (集体合同规定 Art. 32, time skipping)', () => {
  it('records a missed answer after the 20th day on the calendar, not before, and brings the city union in until the other side agrees', async () => {
    const on = await today();
    const c = await start(wageInput(on));
    const requested = await c.act('requestNegotiation', chair, { from: 'union', sentOn: on, note: '要求就2027年度工资调整进行协商' });
    const cal = toHolidayCalendar({ version: 't', holidays: [...ctx.rec.calendar].filter(([, h]) => h).map(([d]) => d), makeUpWorkdays: [...ctx.rec.calendar].filter(([, h]) => !h).map(([d]) => d) });
    const answerBy = statutoryDeadline(Date.parse(`${on}T00:00:00+08:00`), 20, cal);
    expect(Date.parse(requested.request!.answerBy!)).toBe(answerBy);
    expect(c.tasks('answer')[0].dueAt).toBe(new Date(answerBy).toISOString());

    // a city union that tried to answer for the employer before anything is due is fine; a date before the request is not
    await expect(c.act('recordAnswer', chair, { agreed: true, answeredOn: '2020-01-01' })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/不能早于要约发出日期/) } });

    await ctx.env.sleep(answerBy - (await ctx.env.currentTimeMs()) - MINUTE);
    expect(c.events('answer_overdue')).toHaveLength(0);
    expect(c.tasks('intervene')).toHaveLength(0);
    await ctx.env.sleep(2 * MINUTE);
    await eventually(() => c.events('answer_overdue').length === 1 && c.tasks('intervene').length === 1);
    expect(c.tasks('intervene')[0].role).toBe('district_staff');
    expect(ctx.rec.smsOf(c.input.caseNo, 'wage-city-union').map((m) => m.to.role)).toEqual(['district_staff']);

    // a late refusal keeps the city union's task open; an agreement to talk ends it and opens the negotiation
    const refused = await c.act('recordAnswer', cityStaff, { agreed: false, answeredOn: await today(), note: '企业称经营困难' });
    expect(refused.stage).toBe('requested');
    expect(c.tasks('intervene')[0].status).toBe('open');
    const agreed = await c.act('recordAnswer', cityStaff, { agreed: true, answeredOn: await today(), note: '经市总工会协调，企业同意协商' });
    expect(agreed.stage).toBe('negotiating');
    await eventually(() => c.tasks('intervene')[0].status === 'done' && c.tasks('negotiate').length === 1);
    // an offer must start from the union's proposal
    await expect(c.act('makeOffer', chair, { side: 'employer', clauses: [{ item: '工资增长', terms: '2%' }] })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/职工方/) } });
  });
});
