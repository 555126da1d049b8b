/**
 * A case started before a change finishes after it. The grievance is started by the shipped code of 4a687b4 (its
 * workflows, a worker and a client without the data converter, the input and actors old clients sent), taken to the
 * middle of the verify step with an escalation rung already fired; then that worker stops and the current one, with
 * encryption, takes the same task queue and finishes the case under the current rules. The history must hold no failed
 * workflow task (a nondeterminism error shows as one), the pre-change rung once, one enterprise notice, and the patches
 * decided the way the code says: the old case keeps the old enterprise-notice rule (seen from outside: an early notice
 * is refused, the chair hears at 12 h; in the history: no 'enterprise-notice-v2' marker), and
 * reminders due after the upgrade go out in the background (an 'escalation-sms-in-background' marker before them).
 */
import { Client, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import type { CaseActivities, SmsRequest } from '../../activities/types';
import { workflowCode } from '../../worker';
import { grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import type { ActionCommand } from '../../workflows/kinds/grievance/model';
import { caseworker, grievanceInput, worker as complainant } from '../helpers/grievance-fixtures';
import { readPayload, useUpgrade } from '../helpers/old-version';
import { RecordingActivities } from '../helpers/recording-activities';
import { eventually } from '../helpers/time-skipping';

const { temporal } = proto; // a CommonJS package: named ESM imports don't resolve
const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

/** The last shipped version: no payload encryption, no patches, actors without a unit. */
const SHIPPED = '4a687b4';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const taskQueue = 'version-upgrade';

/** What old clients sent as the caseworker: no unitId (the current rules need it to tell the assignee). */
const oldCaseworker = { role: 'street_caseworker' as const, name: '李社工', userId: 1 };

const { ctx, runWorker } = useUpgrade(SHIPPED);
const rec = new RecordingActivities();

/** The shipped activities answered SMS sends with nothing (the refused-number report came with the change). */
function shippedActivities(acts: CaseActivities): CaseActivities {
  return {
    ...acts,
    sendSms: async (req: SmsRequest) => void (await acts.sendSms(req)),
    sendSmsBatch: async (reqs: SmsRequest[]) => void (await acts.sendSmsBatch(reqs)),
  };
}

function eventsOfType(events: HistoryEvent[], type: proto.temporal.api.enums.v1.EventType) {
  return events.map((e, i) => ({ e, i })).filter(({ e }) => e.eventType === type);
}

/**
 * Waits for `work`, but fails at once with the cause when the case's history gains a failed workflow task (a
 * nondeterminism error on the new worker would otherwise leave updates and the result waiting until the test timeout).
 */
async function unlessTaskFails<T>(handle: WorkflowHandle, work: Promise<T>): Promise<T> {
  let settled = false;
  const watch = (async (): Promise<never> => {
    while (!settled) {
      const failed = (await handle.fetchHistory()).events?.find((ev) => ev.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
      if (failed) {
        const a = failed.workflowTaskFailedEventAttributes;
        throw new Error(`workflow task failed on the new worker: ${temporal.api.enums.v1.WorkflowTaskFailedCause[a?.cause ?? 0]}: ${a?.failure?.message ?? ''}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return new Promise<never>(() => undefined);
  })();
  try {
    return await Promise.race([work, watch]);
  } finally {
    settled = true;
  }
}

async function firstPayload(payloads: { payloads?: Payload[] | null } | null | undefined) {
  const p = payloads?.payloads?.[0];
  if (!p) throw new Error('no payload');
  return readPayload(p);
}

describe(`a grievance started on ${SHIPPED} finishes on the current code`, () => {
  it('keeps its history deterministic, its pre-change rung, one enterprise notice and the old notice rule', { timeout: 180_000 }, async () => {
    const e = ctx.env;
    const base = grievanceInput({ contactDue: HOUR, verifyDue: 6 * HOUR });
    // The shipped policy had no quietHours: its cases carry none in their input.
    const { quietHours: _none, ...shippedPolicy } = base.policy;
    const input = { ...base, policy: shippedPolicy };
    const { caseNo } = input;
    const workflowId = `grievance-${caseNo}`;
    const types = () => rec.eventsOf(caseNo).map((ev) => ev.type);

    // ── Before: the shipped worker and a client without the data converter, as deployed. ──
    // No workflow cache: the Java test server never moves a task off a stopped worker's sticky queue (a real server
    // does after stickyQueueScheduleToStartTimeout), so with one the new worker would never see the case. Without a
    // cache the old worker replays the case on every task, which changes nothing in its history.
    const oldWorker = await Worker.create({
      connection: e.nativeConnection, taskQueue, workflowsPath: ctx.tree.workflowsPath, activities: shippedActivities(rec.build()), maxCachedWorkflows: 0,
    });
    const stopOld = await runWorker(oldWorker);
    const oldClient = new Client({ connection: e.connection, namespace: e.namespace });
    const t0 = await e.currentTimeMs();
    const oldHandle = await oldClient.workflow.start('grievance', { taskQueue, workflowId, args: [input] });
    await eventually(() => rec.smsOf(caseNo, 'intake-notice').length === 5);

    // The contact step's due time passes: the first rung fires, its SMS sent in line as the shipped code did.
    await e.sleep(HOUR + MINUTE);
    const oldRung = await eventually(() => rec.eventsOf(caseNo).find((ev) => ev.type === 'task_escalated'));
    expect(oldRung.data).toMatchObject({ level: 1, notify: 'assignee' });
    const contactTaskId = String(oldRung.data.taskId);
    expect(contactTaskId).toContain('/contact/');
    await eventually(() => rec.smsOf(caseNo, 'task-overdue').length === 1);

    const oldView = await oldHandle.executeUpdate(grievanceActUpdate, { args: [{ action: 'contactComplainant', actor: oldCaseworker, payload: { note: '已电话联系职工' } } as ActionCommand] });
    expect(oldView.stage).toBe('verify');
    expect(oldView.enterpriseNotified).toBe(false);
    expect(rec.smsOf(caseNo, 'enterprise-notice')).toHaveLength(0);

    await stopOld();
    const upgradedAt = (await oldHandle.fetchHistory()).events!.length;

    // ── After: the current worker with encryption on the same queue; the env's client (with the converter). ──
    const newWorker = await Worker.create({ connection: e.nativeConnection, taskQueue, ...(await workflowCode()), activities: rec.build(), dataConverter: gongqingDataConverter() });
    await runWorker(newWorker);
    const handle = e.client.workflow.getHandle(workflowId);
    const watched = <T>(work: Promise<T>) => unlessTaskFails(handle, work);
    const act = (cmd: ActionCommand) => watched(handle.executeUpdate(grievanceActUpdate, { args: [cmd] }));
    const refusal = async (cmd: ActionCommand) => {
      const err = await act(cmd).then(() => null, (x) => x);
      if (err !== null && !(err instanceof WorkflowUpdateFailedError)) throw err;
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      return (err!.cause as { type?: string }).type;
    };

    // The current rules hold for the old case: no verification before the chair was told.
    expect(await refusal({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '已核实' } })).toBe('ActionNotAllowed');
    const midView = await handle.query(grievanceViewQuery);
    expect(midView).toMatchObject({ stage: 'verify', enterpriseNotice: 'pending' });
    expect(midView.openTasks.map((t) => t.kind)).toEqual(['verify']);

    // The old notice rule still holds for it ('enterprise-notice-v2' was decided, absent, when the case started): the
    // early notice is neither offered nor accepted (it could not reach the chair), and nothing is recorded.
    expect(midView.earlyNotice).toBe(false);
    expect(await refusal({ action: 'notifyEnterpriseNow', actor: caseworker, payload: { reason: '职工同意提前核实' } })).toBe('ActionNotAllowed');
    expect(rec.eventsOf(caseNo).some((ev) => ev.type === 'enterprise_notice_early')).toBe(false);
    await e.sleep(MINUTE);
    expect(rec.smsOf(caseNo, 'enterprise-notice')).toHaveLength(0);

    // Past 12 h from filing the chair is told, once; on the way the verify step's due time (7 h) passes.
    await e.sleep(t0 + 12 * HOUR + MINUTE - (await e.currentTimeMs()));
    await watched(eventually(() => rec.smsOf(caseNo, 'enterprise-notice').length === 1));
    await eventually(async () => (await handle.query(grievanceViewQuery)).enterpriseNotice === 'notified');

    // What old clients sent is refused now: without a unit the caseworker is not the step's assignee.
    expect(await refusal({ action: 'verifyWithEnterprise', actor: oldCaseworker, payload: { note: '已核实' } } as ActionCommand)).toBe('RoleNotPermitted');

    expect((await act({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '企业工会主席确认欠发年终奖' } })).stage).toBe('urge');
    expect((await act({ action: 'urgeMediation', actor: caseworker, payload: { note: '已督促调委会受理' } })).stage).toBe('outcome');
    expect((await act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'mediated', recoveredFen: 1_200_000 } })).stage).toBe('followUp');
    expect((await act({ action: 'recordFollowUp', actor: caseworker, payload: { note: '职工确认已到账' } })).stage).toBe('rating');
    await act({ action: 'rate', actor: complainant, payload: { score: 5, comment: '满意' } });

    expect(await watched(handle.result())).toEqual({ caseNo, outcome: 'mediated', rating: 5 });
    const finalView = await handle.query(grievanceViewQuery);
    expect(finalView).toMatchObject({ stage: 'closed', status: 'closed', outcome: 'mediated', recoveredFen: 1_200_000, rating: 5, enterpriseNotified: true, enterpriseNotice: 'notified' });
    expect(types().at(-1)).toBe('closed');
    expect(rec.smsOf(caseNo, 'enterprise-notice')).toHaveLength(1);

    // Rungs as recorded: the contact rung once (before), the verify step's two rungs (after, from the new code).
    const rungs = rec.eventsOf(caseNo).filter((ev) => ev.type === 'task_escalated').map((ev) => `${String(ev.data.taskId).split('/')[1]}:${ev.data.level}`);
    expect(rungs).toEqual(['contact:1', 'verify:1', 'verify:2']);
    expect(rec.smsOf(caseNo, 'task-overdue').map((m) => m.key.replace(`${workflowId}/`, ''))).toEqual([
      `${contactTaskId.replace(`${workflowId}/`, '')}:escalation:1:street_caseworker`,
      expect.stringMatching(/^verify\/\d+:escalation:1:street_caseworker$/),
      expect.stringMatching(/^verify\/\d+:escalation:2:street_chair$/),
    ]);

    // ── The history itself. ──
    const events = (await handle.fetchHistory()).events!;
    expect(events.at(-1)!.eventType).toBe(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    expect(eventsOfType(events, EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED).map(({ e: ev }) => ev.workflowTaskFailedEventAttributes?.cause)).toEqual([]);

    // The setup is what it claims: the old client wrote clear text, the new side encrypted.
    const started = events[0].workflowExecutionStartedEventAttributes!;
    expect((await firstPayload(started.input)).encrypted).toBe(false);

    // Every SMS activity, read back (clear before the upgrade, encrypted after).
    const sends = await Promise.all(eventsOfType(events, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).map(async ({ e: ev, i }) => {
      const a = ev.activityTaskScheduledEventAttributes!;
      const { value, encrypted } = await firstPayload(a.input);
      const reqs = (Array.isArray(value) ? value : [value]) as SmsRequest[];
      return { i, before: i < upgradedAt, type: a.activityType!.name!, encrypted, templates: [...new Set(reqs.map((r) => r.template))], keys: reqs.map((r) => r.key) };
    }));
    expect(sends.every((s) => s.encrypted === !s.before)).toBe(true);
    const overdue = sends.filter((s) => s.templates.includes('task-overdue'));
    const contactRungSends = overdue.filter((s) => s.keys.some((k) => k.startsWith(`${contactTaskId}:`)));
    expect(contactRungSends).toHaveLength(1);
    expect(contactRungSends[0]).toMatchObject({ before: true, keys: [`${contactTaskId}:escalation:1:street_caseworker`] });
    expect(overdue.filter((s) => !s.before)).toHaveLength(2);
    const notices = sends.filter((s) => s.templates.includes('enterprise-notice'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ before: false, type: 'sendSms', keys: [`${workflowId}:enterprise-notice`] });

    // Patches: none before the upgrade (the shipped code had none); after it the reminder patch, set live at the verify
    // step's first rung, before that rung's SMS, and the worker's SMS patch, set live when the outcome was recorded
    // (the worker hears of the outcome and is asked to rate; the contact was before the upgrade, so no "taken" SMS).
    // 'enterprise-notice-v2' was decided while replaying the case's start, found absent, so the old notice rule ran:
    // no marker for it anywhere, in particular not before the notice.
    const markers = await Promise.all(eventsOfType(events, EventType.EVENT_TYPE_MARKER_RECORDED)
      .filter(({ e: ev }) => ev.markerRecordedEventAttributes?.markerName === 'core_patch')
      // Core writes the marker's details itself, in clear: { 'patch-data': { id, deprecated } }.
      .map(async ({ e: ev, i }) => ({ i, patch: ((await firstPayload(ev.markerRecordedEventAttributes!.details!['patch-data'])).value as { id: string }).id })));
    expect(markers.map((m) => m.patch)).toEqual(['escalation-sms-in-background', 'worker-sms-v1']);
    expect(sends.filter((s) => s.templates.some((t) => t.startsWith('worker-'))).flatMap((s) => s.templates)).toEqual(['worker-outcome', 'worker-rate']);
    expect(markers[0].i).toBeGreaterThanOrEqual(upgradedAt);
    expect(markers[0].i).toBeLessThan(overdue.find((s) => !s.before)!.i);
    expect(markers.some((m) => m.patch === 'enterprise-notice-v2')).toBe(false);
  });
});
