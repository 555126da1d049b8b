import { describe, expect, it } from 'vitest';
import { statutoryDeadline } from '../../workflows/shared/deadlines';
import { toHolidayCalendar } from '../../workflows/shared/statutory-clock';
import { chair, hrClerk, toAgreement, useWageRounds, wageInput } from '../helpers/wage-rounds';
import { eventually } from '../helpers/time-skipping';

const MINUTE = 60_000;
const { ctx, start, today } = useWageRounds('wage-hr-silence');

describe('wage round: from agreement to a contract in effect (time skipping)', () => {
  it('a rejected draft goes back to the table; a passed one is signed and filed, and 15 days of HR silence make it effective and published', async () => {
    const on = await today();
    const c = await start(wageInput(on));
    const agreed = await toAgreement(c, on);
    expect(agreed.stage).toBe('congress');
    await expect(c.act('makeOffer', chair, { side: 'union', clauses: [{ item: '工资增长', terms: '6%' }] })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/已达成一致，不能再提出报价/) } });
    await expect(c.act('recordCongressVote', chair, { heldOn: on, representatives: 50, present: 40, inFavour: 41 })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/赞成人数（41）不能超过出席代表人数（40）/) } });

    // 30 of 50 present is less than two thirds: not passed, back to negotiating
    const rejected = await c.act('recordCongressVote', chair, { heldOn: on, representatives: 50, present: 30, inFavour: 30 });
    expect(rejected.stage).toBe('negotiating');
    expect(rejected.votes[0].passed).toBe(false);
    await c.act('reachAgreement', chair, { offerNo: 3 });
    // 40 present, 26 of all 50 in favour: passed (≥ 2/3 present, > 1/2 of all)
    const passed = await c.act('recordCongressVote', chair, { heldOn: on, representatives: 50, present: 40, inFavour: 26 });
    expect(passed.stage).toBe('signing');
    const signed = await c.act('recordSigning', chair, { signedOn: on, unionSignatory: '赵主席', employerSignatory: '钱总经理' });
    expect(signed.stage).toBe('filing');
    const cal = toHolidayCalendar({ version: 't', holidays: [...ctx.rec.calendar].filter(([, h]) => h).map(([d]) => d), makeUpWorkdays: [...ctx.rec.calendar].filter(([, h]) => !h).map(([d]) => d) });
    expect(Date.parse(signed.signing!.fileBy)).toBe(statutoryDeadline(Date.parse(`${on}T00:00:00+08:00`), 10, cal));

    const filed = await c.act('fileWithHr', chair, { filedOn: on });
    expect(filed.stage).toBe('review');
    const docs = [...ctx.rec.documents.values()].filter((d) => d.req.caseNo === c.input.caseNo);
    expect(docs.map((d) => d.req.kind).sort()).toEqual(['wage-contract', 'wage-filing-letter']);
    expect(filed.documents.every((d) => d.addressedTo === 'i-hr')).toBe(true);
    const contract = docs.find((d) => d.req.kind === 'wage-contract')!.req.data as { clauses: { terms: string }[] };
    expect(contract.clauses[0].terms).toBe('签收率≥96%时每件奖励0.10–0.15元');
    await eventually(() => [...ctx.rec.emails.values()].some((m) => m.caseNo === c.input.caseNo && m.to.address === 'ldgx@hr.test' && m.documentIds.length === 2));
    const objectionBy = statutoryDeadline(Date.parse(`${on}T00:00:00+08:00`), 15, cal);
    expect(Date.parse(filed.filing!.objectionBy)).toBe(objectionBy);
    const received = await c.act('confirmReceipt', hrClerk, { documentId: filed.documents[0].id });
    expect(received.documents.find((d) => d.id === filed.documents[0].id)!.received).toBe(true);

    // a minute before the 15 days end: still under review; after: in effect, published, closed
    await ctx.env.sleep(objectionBy - (await ctx.env.currentTimeMs()) - MINUTE);
    expect(c.events('contract_effective')).toHaveLength(0);
    await ctx.env.sleep(2 * MINUTE);
    const result = await c.handle.result();
    expect(result.outcome).toBe('effective');
    expect(c.events('contract_published')).toHaveLength(1);
    const published = ctx.rec.wageFacts.get(c.input.caseNo)!.find((w) => w.agreementText);
    expect(published!.agreementText).toMatch(/计件奖励：签收率≥96%时每件奖励0.10–0.15元/);
    expect(ctx.rec.smsOf(c.input.caseNo, 'wage-effective').map((m) => m.to.role)).toEqual(['enterprise_chair']);
  });
});
