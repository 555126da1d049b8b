import { describe, expect, it } from 'vitest';
import { defaultMediationPolicy } from '../../temporal.config';
import type { ActionCommand } from '../../workflows/kinds/grievance/model';
import type { MediationView } from '../../workflows/kinds/mediation/model';
import { caseActUpdate, caseViewQuery, grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import { caseworker, grievanceInput, toOutcomeStep } from '../helpers/grievance-fixtures';
import { arbitrationClerk, mediator } from '../helpers/mediation-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const taskQueue = 'station-handover';
const ctx = useRecordingWorker(taskQueue);

async function atOutcome() {
  const input = { ...grievanceInput(), mediationPolicy: { ...defaultMediationPolicy, quietHours: null } };
  const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
  const act = (cmd: ActionCommand) => handle.executeUpdate(grievanceActUpdate, { args: [cmd] });
  await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
  await toOutcomeStep(act);
  const station = ctx.env.client.workflow.getHandle(`mediation-MA${input.caseNo.slice(2)}`);
  const onStation = (action: string, actor: object, payload: object) =>
    station.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<MediationView>;
  return { input, handle, act, station, onStation };
}

describe('a grievance handed to the mediation station (time skipping)', () => {
  it('waits for the station case it started and records its result before the follow-up visit', async () => {
    const { input, handle, act, station, onStation } = await atOutcome();
    await act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'station', employerRepresentative: '王总', employerPhone: '13900000099', note: '双方同意到调解站调解' } });
    const view = await eventually(async () => {
      const v = (await station.query(caseViewQuery).catch(() => null)) as MediationView | null;
      return v?.stage === 'mediating' && v;
    });
    expect(view).toMatchObject({ source: 'grievance', parentCaseNo: input.caseNo, employer: { phone: '13900000099', representative: { name: '王总' } } });
    expect(view.workers.map((w) => w.name)).toEqual(['张三']);
    expect((await handle.query(grievanceViewQuery)).stage).toBe('station');

    // The employer refuses: the station transfers the case, the institute receives it, the grievance goes on.
    await onStation('refuse', mediator, { side: 'employer', reason: '单位不同意调解' });
    // The transfer letter, the case file and the workers' application reach the institute; the case goes on once all are received.
    const sent = await eventually(async () => {
      const docs = (await station.query(caseViewQuery) as MediationView).documents;
      return docs.length === 3 && docs;
    });
    expect(sent.map((d) => d.kind)).toEqual(['transfer-letter', 'case-file', 'workers-arbitration-application']);
    for (const d of sent.slice(0, 2)) await onStation('confirmReceipt', arbitrationClerk, { documentId: d.id });
    expect((await station.query(caseViewQuery) as MediationView).stage).toBe('transferring');
    await onStation('confirmReceipt', arbitrationClerk, { documentId: sent[2].id });
    expect(await station.result()).toMatchObject({ outcome: 'arbitration', paidFen: 0 });
    await eventually(async () => (await handle.query(grievanceViewQuery)).stage === 'followUp');
    const events = ctx.rec.eventsOf(input.caseNo).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['handed_to_station', 'station_result']));
    expect(events.indexOf('station_result')).toBeGreaterThan(events.indexOf('handed_to_station'));
  });

  it('sends a case whose worker asked for arbitration straight on with a transfer letter', async () => {
    const { input, act, station } = await atOutcome();
    await act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'arbitration' } });
    const letter = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === `MA${input.caseNo.slice(2)}` && d.req.kind === 'transfer-letter'));
    expect(letter.req.data).toMatchObject({ reasons: [expect.stringContaining(input.caseNo)] });
    expect((await station.query(caseViewQuery) as MediationView).stage).toBe('transferring');
  });
});
