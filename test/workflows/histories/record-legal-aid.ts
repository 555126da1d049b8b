/**
 * Records histories of the shipped legal-aid workflow for the replay test, as record-histories.ts does for the other
 * kinds (`TEMPORAL_TEST_SERVER=… npx tsx test/workflows/histories/record-legal-aid.ts v1`), and commit the JSON files:
 * from then on a change that breaks determinism fails replay and needs `patched()`. Without payload encryption.
 * `full`: screening, a conflict held back, assignment, arbitration with its clock warned, suit, first instance, the
 * judgment accepted, a plan paid by two debtors, closing and the rating. `delegated`: a court's delegation run out.
 */
import { writeFileSync } from 'node:fs';
import proto from '@temporalio/proto';

const { temporal } = proto; // a CommonJS package: named ESM imports don't resolve
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '../../../worker';
import { shanghaiDate } from '../../../workflows/shared/deadlines';
import { caseActUpdate, caseViewQuery } from '../../../workflows/shared/definitions';
import type { LegalAidView } from '../../../workflows/kinds/legal-aid/model';
import { centreStaff, courtClerkLA, lawyerConflicted, lawyerWu, legalAidInput } from '../../helpers/legal-aid-fixtures';
import { RecordingActivities } from '../../helpers/recording-activities';
import { createTimeSkippingEnv } from '../../helpers/time-skipping';
import { NEWEST_PATCH_GENERATION } from '../../../workflows/shared/patch-generation';

const DAY = 86_400_000;
const version = process.argv[2] ?? 'v1';
const taskQueue = 'record-legal-aid';
const env = await createTimeSkippingEnv({ encrypted: false });
const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: new RecordingActivities().build() });

async function save(handle: { workflowId: string; fetchHistory(): Promise<proto.temporal.api.history.v1.IHistory> }, file: string) {
  const history = await handle.fetchHistory();
  const base64 = Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('base64');
  writeFileSync(new URL(`./${file}.json`, import.meta.url), JSON.stringify({ workflowId: handle.workflowId, events: history.events?.length, base64 }, null, 1));
  console.log(`recorded ${file}: ${history.events?.length} events`);
}

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
}

async function run(name: string, source: 'walk_in' | 'court_delegated', script: (act: (a: string, actor: object, p?: object) => Promise<LegalAidView>, view: () => Promise<LegalAidView>) => Promise<void>) {
  const input = { ...legalAidInput({ source, debtors: 2, appliedAt: new Date(await env.currentTimeMs()).toISOString() }), patchGeneration: NEWEST_PATCH_GENERATION };
  const handle = await env.client.workflow.start('legalAid', { taskQueue, workflowId: `legal_aid-${input.caseNo}`, args: [input] });
  const view = () => handle.query(caseViewQuery) as Promise<LegalAidView>;
  const act = (action: string, actor: object, payload: object = {}) => handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<LegalAidView>;
  await until(async () => (await view()).openTasks.length > 0);
  await script(act, view);
  await handle.result();
  await save(handle, `legal-aid-${version}-${name}`);
}

const today = async () => shanghaiDate(await env.currentTimeMs());
try {
  await worker.runUntil(async () => {
    await run('full', 'walk_in', async (act, view) => {
      await act('recordMeansTest', centreStaff, { ground: 'migrant_worker_pay' });
      await act('grantAid', centreStaff);
      await act('assignLawyer', centreStaff, { lawyerUserId: lawyerConflicted.userId });
      await act('assignLawyer', centreStaff, { lawyerUserId: lawyerWu.userId });
      await act('acceptAssignment', lawyerWu);
      await act('recordEvidence', lawyerWu, { items: [{ name: '工资欠条', holder: 'worker', status: 'held' }] });
      await act('fileProceeding', lawyerWu, { type: 'arbitration', institution: '测试区劳动人事争议仲裁委员会', filedOn: await today(), claimedFen: 4_000_000, requests: ['裁决支付工资'], facts: '拖欠工资。' });
      await act('recordAcceptance', lawyerWu, { externalNo: '测劳人仲案字〔2026〕第2号', acceptedOn: await today() });
      const award = (await view()).clocks.find((c) => c.id.startsWith('award-'))!;
      await env.sleep(Date.parse(award.dueAt) - (await env.currentTimeMs()) - 2 * DAY);
      await act('recordResult', lawyerWu, { kind: 'award', decidedOn: await today(), servedOn: await today(), awardedFen: 1_500_000, summary: '部分支持' });
      await act('fileProceeding', lawyerWu, { type: 'first_instance', institution: '测试区人民法院', filedOn: await today(), claimedFen: 4_000_000, requests: ['判令支付工资'], facts: '不服裁决。' });
      await act('recordAcceptance', lawyerWu, { externalNo: '（2027）浙0185民初2号', acceptedOn: await today() });
      await env.sleep(30 * DAY);
      await act('recordResult', lawyerWu, { kind: 'judgment', decidedOn: await today(), servedOn: await today(), awardedFen: 4_000_000, summary: '全部支持' });
      await act('acceptResult', lawyerWu);
      await act('setInstallments', lawyerWu, { debtorPartyNos: [3, 4], installments: [{ dueDate: shanghaiDate((await env.currentTimeMs()) + 30 * DAY), amountFen: 4_000_000 }] });
      await act('recordReceipt', lawyerWu, { debtorPartyNo: 3, amountFen: 1_000_000, paidOn: await today() });
      await act('recordReceipt', lawyerWu, { debtorPartyNo: 4, amountFen: 3_000_000, paidOn: await today() });
      await until(async () => (await view()).stage === 'closing');
      await act('closeCase', lawyerWu, { outcome: 'won', note: '执行到位' });
      await until(async () => (await view()).stage === 'rating');
      await act('rateCase', { role: 'worker', name: '工人1' }, { rating: 5 });
    });
    await run('delegated', 'court_delegated', async (act, view) => {
      await act('assignLawyer', centreStaff, { lawyerUserId: lawyerWu.userId });
      await act('acceptAssignment', lawyerWu);
      await env.sleep(35 * DAY);
      await until(async () => (await view()).stage === 'reporting' && (await view()).documents.length === 2);
      // the court's clerk receives the report; the worker does not rate, and the window runs out
      const report = (await view()).documents.find((d) => d.kind === 'pre-litigation-report')!;
      await act('confirmReceipt', courtClerkLA, { documentId: report.id });
      await until(async () => (await view()).stage === 'rating');
      await env.sleep(8 * DAY);
    });
  });
} finally {
  await env.teardown();
}
