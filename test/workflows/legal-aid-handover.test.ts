import { describe, expect, it } from 'vitest';
import { defaultMediationPolicy } from '../../temporal.config';
import type { ActionCommand } from '../../workflows/kinds/grievance/model';
import type { LegalAidView } from '../../workflows/kinds/legal-aid/model';
import type { MediationView } from '../../workflows/kinds/mediation/model';
import { caseActUpdate, caseViewQuery, grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import { caseworker, grievanceInput, toOutcomeStep } from '../helpers/grievance-fixtures';
import { centreStaff, lawyerWu } from '../helpers/legal-aid-fixtures';
import { arbitrationClerk, mediationInput, mediator } from '../helpers/mediation-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const taskQueue = 'legal-aid-handover';
const ctx = useRecordingWorker(taskQueue);

const onCase = (workflowId: string) => {
  const handle = ctx.env.client.workflow.getHandle(workflowId);
  return {
    handle,
    view: () => handle.query(caseViewQuery).catch(() => null) as Promise<LegalAidView | null>,
    act: (action: string, actor: object, payload: object = {}) => handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }),
  };
};

describe('cases handed to the legal-aid centre (time skipping)', () => {
  it('a grievance whose outcome is legal aid waits for the legal-aid case and records its result before the follow-up', async () => {
    const input = { ...grievanceInput(), mediationPolicy: { ...defaultMediationPolicy, quietHours: null } };
    const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
    const act = (cmd: ActionCommand) => handle.executeUpdate(grievanceActUpdate, { args: [cmd] });
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    await toOutcomeStep(act);
    await act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'legal_aid', employerAddress: '杭州市西湖区某路1号', employerRepresentative: '王总', note: '职工申请法律援助' } });

    const aid = onCase(`legal_aid-LA${input.caseNo.slice(2)}`);
    const first = await eventually(async () => { const v = await aid.view(); return v?.stage === 'screening' && v; });
    expect(first).toMatchObject({ source: 'grievance', parentCaseNo: input.caseNo, debtors: [{ address: '杭州市西湖区某路1号', representative: { name: '王总' } }] });
    expect(first.workers.map((w) => w.name)).toEqual(['张三']);
    expect((await handle.query(grievanceViewQuery)).stage).toBe('legalAid');

    // A grievance asks no ID number: the centre completes it with the worker before any document is made.
    expect(first.workers[0].idNumber).toBe('');
    await expect(aid.act('completeWorker', centreStaff, { partyNo: 1, idNumber: '330106198001011234' })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/身份证号码不正确/) } });
    const completed = await aid.act('completeWorker', centreStaff, { partyNo: 1, idNumber: '330106198001011235' }) as LegalAidView;
    expect(completed.workers[0].idNumber).toBe('330106198001011235');
    await aid.act('recordMeansTest', centreStaff, { ground: 'migrant_worker_pay' });
    await aid.act('grantAid', centreStaff);
    await aid.act('assignLawyer', centreStaff, { lawyerUserId: lawyerWu.userId });
    await aid.act('acceptAssignment', lawyerWu);
    await aid.act('recordSettlement', lawyerWu, { result: 'settled', amountFen: 500_000, note: '用人单位同意支付' });
    await aid.act('recordReceipt', lawyerWu, { debtorPartyNo: 2, amountFen: 500_000, paidOn: (await aid.view())!.asOf.slice(0, 10) });
    await eventually(async () => (await aid.view())?.stage === 'closing');
    await aid.act('closeCase', lawyerWu, { outcome: 'settled', note: '协商和解，款项到位' });
    await eventually(async () => (await aid.view())?.stage === 'rating');
    await aid.act('rateCase', { role: 'worker', name: '张三' }, { rating: 5 });
    expect(await aid.handle.result()).toMatchObject({ outcome: 'settled', recoveredFen: 500_000 });

    await eventually(async () => (await handle.query(grievanceViewQuery)).stage === 'followUp');
    expect((await handle.query(grievanceViewQuery)).recoveredFen).toBe(500_000);
    const events = ctx.rec.eventsOf(input.caseNo).map((e) => e.type);
    expect(events.indexOf('legal_aid_result')).toBeGreaterThan(events.indexOf('handed_to_legal_aid'));
  });

  it('a mediation whose workers asked for a lawyer starts a legal-aid case as it transfers to arbitration', async () => {
    const input = mediationInput({ appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString() });
    const station = ctx.env.client.workflow.getHandle(`mediation-${input.caseNo}`);
    await ctx.env.client.workflow.start('mediationArbitration', { taskQueue, workflowId: `mediation-${input.caseNo}`, args: [input] });
    await eventually(() => ctx.rec.eventsOf(input.caseNo).some((e) => e.type === 'task_opened'));
    const act = (action: string, actor: object, payload: object) => station.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<MediationView>;
    await act('requestLegalAid', mediator, { note: '三名职工申请工会律师代理仲裁' });
    await expect(act('requestLegalAid', mediator, {})).rejects.toMatchObject({ cause: { message: expect.stringMatching(/不能执行/) } });
    await act('refuse', mediator, { side: 'employer', reason: '单位不同意调解' });
    const aid = onCase(`legal_aid-LA${input.caseNo.slice(2)}`);
    const view = await eventually(async () => { const v = await aid.view(); return v?.stage === 'screening' && v; });
    expect(view).toMatchObject({ source: 'mediation', parentCaseNo: input.caseNo });
    expect(view.workers.map((w) => w.idNumber)).toEqual(input.intake.workers.map((w) => w.idNumber));
    expect(view.debtors[0].name).toBe(input.intake.employer.name);
    // The mediation goes on to arbitration on its own.
    const docs = await eventually(async () => { const d = ((await station.query(caseViewQuery)) as MediationView).documents; return d.length === 3 && d; });
    for (const d of docs) await act('confirmReceipt', arbitrationClerk, { documentId: d.id });
    expect(await station.result()).toMatchObject({ outcome: 'arbitration' });
    expect((await aid.handle.describe()).status.name).toBe('RUNNING');
  });
});
