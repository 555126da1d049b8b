/**
 * Records a history of the shipped wage-negotiation workflow for the replay test, as record-legal-aid.ts does
 * (`TEMPORAL_TEST_SERVER=.tools/temporal-test-server npx tsx test/workflows/histories/record-wage-negotiation.ts v1`),
 * and commit the JSON file: from then on a change that breaks determinism fails replay and needs `patched()`. Without
 * payload encryption. The round: the start passes (the reminder, "4+X" supervision, one supervisor's record), the
 * request, a refusal then agreement, offers to an impasse, a mentor's order taken and done, legal aid opened, a congress
 * that fails and one that passes, signing, filing, HR's objection, the second filing and 15 days of silence.
 */
import { writeFileSync } from 'node:fs';
import proto from '@temporalio/proto';

const { temporal } = proto; // a CommonJS package: named ESM imports don't resolve
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '../../../worker';
import { shanghaiDate } from '../../../workflows/shared/deadlines';
import { caseActUpdate, caseViewQuery } from '../../../workflows/shared/definitions';
import type { WageRoundView } from '../../../workflows/kinds/wage-negotiation/model';
import { chair, cityStaff, enforcement, hrClerk, mentor } from '../../helpers/wage-rounds';
import { RecordingActivities } from '../../helpers/recording-activities';
import { createTimeSkippingEnv } from '../../helpers/time-skipping';
import { wageInput } from '../../helpers/wage-rounds';
import { NEWEST_PATCH_GENERATION } from '../../../workflows/shared/patch-generation';

const DAY = 86_400_000;
const version = process.argv[2] ?? 'v1';
const taskQueue = 'record-wage-negotiation';
const env = await createTimeSkippingEnv({ encrypted: false });
const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: new RecordingActivities().build() });

const today = async () => shanghaiDate(await env.currentTimeMs());
try {
  await worker.runUntil(async () => {
    const input = { ...wageInput(shanghaiDate((await env.currentTimeMs()) + 10 * DAY)), patchGeneration: NEWEST_PATCH_GENERATION };
    input.policy = { ...input.policy, impasseRounds: 2 };
    const handle = await env.client.workflow.start('wageNegotiation', { taskQueue, workflowId: `wage_negotiation-${input.caseNo}`, args: [input] });
    const view = () => handle.query(caseViewQuery) as Promise<WageRoundView>;
    const act = (action: string, actor: object, payload: object = {}) => handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<WageRoundView>;
    const settle = async (check: (v: WageRoundView) => boolean) => { for (let i = 0; i < 400 && !check(await view()); i++) await new Promise((r) => setTimeout(r, 50)); };
    await settle((v) => v.openTasks.length > 0);
    await env.sleep(11 * DAY);
    await settle((v) => v.supervision.length === 5);
    const dept = (await view()).supervision.find((t) => t.party === '综合执法局')!;
    await act('recordSupervision', enforcement, { taskId: dept.taskId, note: '已上门督促' });
    await act('requestNegotiation', chair, { from: 'union', sentOn: await today() });
    await act('recordAnswer', chair, { agreed: false, answeredOn: await today() });
    await act('recordAnswer', cityStaff, { agreed: true, answeredOn: await today() });
    const offer = (side: string, terms: string) => ({ side, clauses: [{ item: '计件奖励', terms }] });
    await act('makeOffer', chair, offer('union', '每件0.15元'));
    await act('makeOffer', chair, offer('employer', '每件0.10元'));
    await act('makeOffer', chair, offer('union', '每件0.12元'));
    await settle((v) => v.impasse !== null);
    await act('requestService', chair, { service: 'mentor', note: '测算计件单价' });
    await settle((v) => v.openTasks.some((t) => t.kind === 'service'));
    const order = (await view()).openTasks.find((t) => t.kind === 'service')!;
    await act('claimTask', mentor, { taskId: order.taskId });
    await act('recordServiceDone', mentor, { requestNo: 1, note: '已辅导' });
    await act('requestService', chair, { service: 'legal_aid', note: '企业拒绝提供工资台账', applicantName: '赵主席', applicantPhone: '13900000007' });
    await act('reachAgreement', chair, { offerNo: 3 });
    await act('recordCongressVote', chair, { heldOn: await today(), representatives: 50, present: 30, inFavour: 30 });
    await act('reachAgreement', chair, { offerNo: 3 });
    await act('recordCongressVote', chair, { heldOn: await today(), representatives: 50, present: 40, inFavour: 30 });
    await act('recordSigning', chair, { signedOn: await today(), unionSignatory: '赵主席', employerSignatory: '钱总' });
    const filed = await act('fileWithHr', chair, { filedOn: await today() });
    await act('confirmReceipt', hrClerk, { documentId: filed.documents[0].id });
    await act('recordHrObjection', hrClerk, { reason: '高温津贴低于本市标准' });
    await act('makeOffer', chair, offer('union', '每件0.12元，高温津贴300元'));
    await act('reachAgreement', chair, { offerNo: 4 });
    await act('recordCongressVote', chair, { heldOn: await today(), representatives: 50, present: 40, inFavour: 30 });
    await act('recordSigning', chair, { signedOn: await today(), unionSignatory: '赵主席', employerSignatory: '钱总' });
    await act('fileWithHr', chair, { filedOn: await today() });
    await env.sleep(20 * DAY);
    await handle.result();
    const history = await handle.fetchHistory();
    const base64 = Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('base64');
    writeFileSync(new URL(`./wage-negotiation-${version}-full.json`, import.meta.url), JSON.stringify({ workflowId: handle.workflowId, events: history.events?.length, base64 }, null, 1));
    console.log(`recorded wage-negotiation-${version}-full: ${history.events?.length} events`);
  });
} finally {
  await env.teardown();
}
