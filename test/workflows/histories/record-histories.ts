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
import { complainantNoteSignal, grievanceActUpdate, grievanceViewQuery } from '../../../workflows/shared/definitions';
import type { ActionCommand } from '../../../workflows/kinds/grievance/model';
import { caseworker, districtStaff, grievanceInput, streetChair, worker as complainant } from '../../helpers/grievance-fixtures';
import { RecordingActivities } from '../../helpers/recording-activities';
import { createTimeSkippingEnv } from '../../helpers/time-skipping';

const HOUR = 3_600_000;
const version = process.argv[2] ?? 'v2';
const taskQueue = 'record-histories';
const env = await createTimeSkippingEnv({ encrypted: false });
const rec = new RecordingActivities();
const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: rec.build() });

type Act = (c: ActionCommand) => Promise<unknown>;
type Handle = Awaited<ReturnType<typeof env.client.workflow.start>>;
async function record(name: string, policy: Parameters<typeof grievanceInput>[0], script: (act: Act, note: (text: string) => Promise<void>, handle: Handle) => Promise<void>) {
  const input = grievanceInput(policy);
  const workflowId = `grievance-${input.caseNo}`;
  const handle = await env.client.workflow.start('grievance', { taskQueue, workflowId, args: [input] });
  await script((cmd) => handle.executeUpdate(grievanceActUpdate, { args: [cmd] }), (text) => handle.signal(complainantNoteSignal, { text }), handle);
  await handle.result();
  const history = await handle.fetchHistory();
  // Protobuf binary, base64: the SDK's JSON converter trips over duplicate protobufjs copies, binary never does.
  const base64 = Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('base64');
  writeFileSync(new URL(`./grievance-${version}-${name}.json`, import.meta.url), JSON.stringify({ workflowId, events: history.events?.length, base64 }, null, 1));
  console.log(`recorded grievance-${version}-${name}: ${history.events?.length} events`);
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
      await act({ action: 'contactComplainant', actor: caseworker, payload: { note: '已联系' } });
      await act({ action: 'notifyEnterpriseNow', actor: caseworker, payload: { reason: '职工同意' } });
      await act({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '已核实' } });
      await act({ action: 'urgeMediation', actor: caseworker, payload: { note: '已督促' } });
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
  });
} finally {
  await env.teardown();
}
