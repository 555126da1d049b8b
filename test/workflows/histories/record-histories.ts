/**
 * Records histories of the shipped grievance workflow for the replay test. Run once per released workflow version
 * (`TEMPORAL_TEST_SERVER=… npx tsx test/workflows/histories/record-histories.ts v2`) and commit the JSON files, keeping
 * those of earlier versions: from then on a change that breaks determinism fails replay, and needs `patched()`.
 * Recorded without payload encryption, so any machine can replay them whatever its keys.
 */
import { writeFileSync } from 'node:fs';
import proto from '@temporalio/proto';

const { temporal } = proto; // a CommonJS package: named ESM imports don't resolve
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '../../../worker';
import { calendarChangedSignal } from '../../../workflows/shared/calendar-signals';
import { shanghaiDate } from '../../../workflows/shared/deadlines';
import { caseActUpdate, caseViewQuery, complainantNoteSignal, grievanceActUpdate, grievanceViewQuery } from '../../../workflows/shared/definitions';
import { arbitrationClerk, mediationInput, mediator } from '../../helpers/mediation-fixtures';
import type { ActionCommand, GrievanceInput } from '../../../workflows/kinds/grievance/model';
import type { MediationView } from '../../../workflows/kinds/mediation/model';
import { defaultMediationPolicy } from '../../../temporal.config';
import { caseworker, districtStaff, grievanceInput, streetChair, toOutcomeStep, worker as complainant } from '../../helpers/grievance-fixtures';
import { RecordingActivities } from '../../helpers/recording-activities';
import { createTimeSkippingEnv } from '../../helpers/time-skipping';
import { NEWEST_PATCH_GENERATION } from '../../../workflows/shared/patch-generation';

const HOUR = 3_600_000;
const version = process.argv[2] ?? 'v2';
/** v10 sorts before v5 as a string: compare numbers */
const versionNo = Number(version.slice(1));
const taskQueue = 'record-histories';
const env = await createTimeSkippingEnv({ encrypted: false });
const rec = new RecordingActivities();
const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: rec.build() });

type Act = (c: ActionCommand) => Promise<unknown>;
type Handle = Awaited<ReturnType<typeof env.client.workflow.start>>;
async function save(handle: Pick<Handle, 'workflowId' | 'fetchHistory'>, file: string) {
  const history = await handle.fetchHistory();
  // Protobuf binary, base64: the SDK's JSON converter trips over duplicate protobufjs copies, binary never does.
  const base64 = Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('base64');
  writeFileSync(new URL(`./${file}.json`, import.meta.url), JSON.stringify({ workflowId: handle.workflowId, events: history.events?.length, base64 }, null, 1));
  console.log(`recorded ${file}: ${history.events?.length} events`);
}

/** `ONLY=station` records that scenario alone: a version's other histories, once committed, are never recorded again. */
const only = process.env.ONLY?.split(',');

async function record(name: string, policy: Parameters<typeof grievanceInput>[0], script: (act: Act, note: (text: string) => Promise<void>, handle: Handle) => Promise<void>, extra: Partial<GrievanceInput> = {}) {
  if (only && !only.includes(name)) return;
  // Stamped as the API stamps every case it starts (api/services/start-case.ts).
  const input = { ...grievanceInput(policy), ...extra, patchGeneration: NEWEST_PATCH_GENERATION };
  const workflowId = `grievance-${input.caseNo}`;
  const handle = await env.client.workflow.start('grievance', { taskQueue, workflowId, args: [input] });
  await script((cmd) => handle.executeUpdate(grievanceActUpdate, { args: [cmd] }), (text) => handle.signal(complainantNoteSignal, { text }), handle);
  await handle.result();
  await save(handle, `grievance-${version}-${name}`);
}

/** The station's case a grievance started (a child workflow): its commands, and its own history saved beside. */
async function onStation(grievanceCaseNo: string) {
  const station = env.client.workflow.getHandle(`mediation-MA${grievanceCaseNo.slice(2)}`);
  const act = (action: string, actor: object, payload: object) => station.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<MediationView>;
  for (;;) {
    const v = (await station.query(caseViewQuery).catch(() => null)) as MediationView | null;
    if (v?.openTasks.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { station, act, view: async () => (await station.query(caseViewQuery)) as MediationView };
}

try {
  await worker.runUntil(async () => {
    // Night-time quiet on, so the deferred reminders of the ladder are in the history too.
    await record('full', { contactDue: 2 * HOUR, quietHours: { from: '22:00', to: '08:00' } }, async (act, note) => {
      await note('补充：工资条照片已拍');
      await env.sleep(15 * HOUR); // past the due time and the enterprise notice: escalation rungs in the history
      await act({ action: 'openCoordination', actor: caseworker, payload: { department: '人社局', note: '协查' } });
      await act({ action: 'takeOver', actor: streetChair, payload: { reason: '社工休假' } });
      await act({ action: 'handUp', actor: streetChair, payload: { reason: '超出街道权限' } });
      await act({ action: 'contactComplainant', actor: districtStaff, payload: { note: '已联系' } });
      await act({ action: 'verifyWithEnterprise', actor: districtStaff, payload: { note: '已核实' } });
      await act({ action: 'urgeMediation', actor: districtStaff, payload: { note: '已督促' } });
      await act({ action: 'recordOutcome', actor: districtStaff, payload: { outcome: 'mediated', recoveredFen: 500_000 } });
      await act({ action: 'recordFollowUp', actor: districtStaff, payload: { note: '已回访' } });
      await act({ action: 'rate', actor: complainant, payload: { score: 5, comment: '满意' } });
    });
    await record('early-notice', { contactDue: 2 * HOUR }, async (act) => {
      await env.sleep(HOUR);
      await act({ action: 'contactComplainant', actor: caseworker, payload: { note: '已联系' } });
      await act({ action: 'notifyEnterpriseNow', actor: caseworker, payload: { reason: '职工要求尽快核实' } });
      await act({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '已核实' } });
      await act({ action: 'withdraw', actor: complainant, payload: { reason: '已自行解决' } });
    });
    // Since v4 (issue 16): the calendar is data; a holiday declared on the mediation period's last day moves it.
    await record('calendar', {}, async (act, _note, handle) => {
      await toOutcomeStep(act);
      const dueOf = async () => (await handle.query(grievanceViewQuery)).openTasks.find((t) => t.kind === 'outcome')?.dueAt;
      const due = await dueOf();
      const lastDay = shanghaiDate(Date.parse(due!));
      rec.calendar.set(lastDay, true);
      await handle.signal(calendarChangedSignal, { version: 'recorded' });
      while ((await dueOf()) === due) await new Promise((r) => setTimeout(r, 50));
      rec.calendar.delete(lastDay);
      await act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'mediated', recoveredFen: 300_000 } });
      await act({ action: 'recordFollowUp', actor: caseworker, payload: { note: '已回访' } });
      await act({ action: 'rate', actor: complainant, payload: { score: 4, comment: '满意' } });
    });
    // Since v4 (issue 16): the outcome "mediate at the station" starts the station's case as a child workflow; here
    // the employer refuses, the station transfers to arbitration, the grievance records it and visits the worker.
    await record('station', {}, async (act, _note, handle) => {
      await toOutcomeStep(act);
      await act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'station', employerRepresentative: '王总', employerPhone: '13900000099' } });
      const { station, act: onCase, view } = await onStation(handle.workflowId.slice('grievance-'.length));
      await onCase('scheduleSession', mediator, { at: new Date((await env.currentTimeMs()) + 86_400_000).toISOString(), mode: 'in_person', place: '调解室' });
      await onCase('refuse', mediator, { side: 'employer', reason: '单位不同意调解' });
      let letter: MediationView['documents'][number] | undefined;
      while (!(letter = (await view()).documents.find((d) => d.kind === 'transfer-letter'))) await new Promise((r) => setTimeout(r, 50));
      for (const doc of (await view()).documents) await onCase('confirmReceipt', arbitrationClerk, { documentId: doc.id });
      await station.result();
      await save(station, `mediation-${version}-transfer`);
      while ((await handle.query(grievanceViewQuery)).stage !== 'followUp') await new Promise((r) => setTimeout(r, 50));
      await act({ action: 'recordFollowUp', actor: caseworker, payload: { note: '已回访，仲裁院已受理' } });
      await act({ action: 'rate', actor: complainant, payload: { score: 4, comment: '满意' } });
    }, { mediationPolicy: { ...defaultMediationPolicy, quietHours: null } });
    // A walk-in at the station (mediation kind): agreement, every party's confirmation, review, two installments paid.
    if (!only || only.includes('agreement')) {
      const input = { ...mediationInput({ appliedAt: new Date(await env.currentTimeMs()).toISOString() }), patchGeneration: NEWEST_PATCH_GENERATION };
      const station = await env.client.workflow.start('mediationArbitration', { taskQueue, workflowId: `mediation-${input.caseNo}`, args: [input] });
      const onCase = (action: string, actor: object, payload: object) => station.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<MediationView>;
      const day = (n: number) => shanghaiDate(Date.parse(input.intake.appliedAt) + n * 86_400_000);
      const [w1, w2, w3] = input.intake.workers;
      await onCase('scheduleSession', mediator, { at: new Date(Date.parse(input.intake.appliedAt) + 3_600_000).toISOString(), mode: 'online' });
      await onCase('recordSession', mediator, { sessionNo: 1, attendees: [1, 2, 3, 4], notes: '双方同意分两期支付' });
      await onCase('draftAgreement', mediator, {
        terms: [w1, w2, w3].map((w) => ({ partyNo: w.partyNo, amountFen: 1_000_000 })), totalFen: 3_000_000, paymentMethod: '银行转账',
        payment: { kind: 'installments', installments: [{ dueDate: day(10), amountFen: 1_500_000 }, { dueDate: day(40), amountFen: 1_500_000 }] },
      });
      // v5 on: a worker's code texted again before anyone confirms
      if (versionNo >= 5) await onCase('resendCode', mediator, { partyNo: 2 });
      for (const p of [1, 2, 3, 4]) await onCase('confirmAgreement', { role: p === 1 ? 'employer' : 'worker', name: `当事人${p}` }, { partyNo: p, version: 1 });
      await onCase('submitForReview', mediator, {});
      // v7 on: the commission accepts the application before it decides (办案规则 Arts. 75–76)
      if (versionNo >= 7) await onCase('acceptReview', arbitrationClerk, { noticeNo: '测劳人仲审受字〔2026〕第7号' });
      await onCase('confirmReview', arbitrationClerk, { decisionNo: '测劳人仲调字〔2026〕第7号', effectiveOn: day(0) });
      await env.sleep(8 * 86_400_000); // past the first reminder, before the first due day
      await onCase('recordPayment', mediator, { installmentNo: 1, paidFen: 1_500_000 });
      await env.sleep(30 * 86_400_000);
      await onCase('recordPayment', mediator, { installmentNo: 2, paidFen: 1_500_000 });
      await station.result();
      await save(station, `mediation-${version}-agreement`);
    }
  });
} finally {
  await env.teardown();
}
