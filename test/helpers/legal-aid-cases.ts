/**
 * Legal-aid cases on a time-skipping server for one test file: start one and act on it, read the recording
 * activities' calendar. Each legal-aid time-skipping test has a file, and so a server, of its own: a case the Java test
 * server leaves stuck (a refused timer cancellation, sdk-java#3088) stops time skipping for every later test on that
 * server, and terminating the cases after each test instead makes its later skips cost real time. A test that fails
 * (a step that hangs until the test's timeout among them) prints its steps with their real times and the tail of each
 * case's history, so a hang can be told apart from a wrong answer.
 */
import { beforeEach } from 'vitest';
import { caseActUpdate, caseViewQuery } from '../../workflows/shared/definitions';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import type { LegalAidView } from '../../workflows/kinds/legal-aid/model';
import { toHolidayCalendar } from '../../workflows/shared/statutory-clock';
import { centreStaff, lawyerWu, legalAidInput } from './legal-aid-fixtures';
import { eventually, useRecordingWorker } from './time-skipping';
import { StepTrace } from './step-trace';

export function useLegalAidCases(taskQueue: string) {
  const ctx = useRecordingWorker(taskQueue);
  const trace = new StepTrace();
  beforeEach(({ onTestFailed }) => {
    trace.reset();
    trace.wrap(ctx.env, 'sleep', (ms) => `skip ${Math.round(Number(ms) / 60_000)} min`);
    onTestFailed(() => trace.report());
  });

  async function start(given?: ReturnType<typeof legalAidInput>) {
    const input = given ?? legalAidInput({ appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString() });
    const handle = await ctx.env.client.workflow.start('legalAid', { taskQueue, workflowId: `legal_aid-${input.caseNo}`, args: [input] });
    await eventually(() => ctx.rec.eventsOf(input.caseNo).some((e) => e.type === 'task_opened'));
    trace.watch(handle);
    const act = (action: string, actor: object, payload: object = {}) =>
      trace.step(`act ${action}`, () => handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<LegalAidView>);
    const view = () => handle.query(caseViewQuery) as Promise<LegalAidView>;
    const events = (type: string) => ctx.rec.eventsOf(input.caseNo).filter((e) => e.type === type);
    return { input, handle, act, view, events };
  }

  /** the calendar as the recording activities' loadCalendar answers it now */
  const calendar = () => toHolidayCalendar({
    version: 't', holidays: [...ctx.rec.calendar].filter(([, h]) => h).map(([d]) => d), makeUpWorkdays: [...ctx.rec.calendar].filter(([, h]) => !h).map(([d]) => d),
  });
  const today = async () => shanghaiDate(await ctx.env.currentTimeMs());
  return { ctx, start, calendar, today };
}

type Acting = { act(action: string, actor: object, payload?: object): Promise<LegalAidView> };

/** A first-instance suit filed and accepted today, for a judgment to be recorded later. */
export async function suing(c: Acting, today: string) {
  await c.act('fileProceeding', lawyerWu, { type: 'first_instance', institution: '测试区人民法院', filedOn: today, claimedFen: 4_000_000, requests: ['判令被告支付工资40000元'], facts: '被告拖欠工资。' });
  return c.act('recordAcceptance', lawyerWu, { externalNo: '（2026）浙0185民初100号', acceptedOn: today });
}

/** A judgment decided and served on `served`, partly for the workers. */
export const judged = (c: Acting, served: string) =>
  c.act('recordResult', lawyerWu, { kind: 'judgment', decidedOn: served, servedOn: served, awardedFen: 1_000_000, summary: '部分支持' });

/** Through screening and assignment to a lawyer who accepted. */
export async function represented(c: Acting, lawyer = lawyerWu) {
  await c.act('recordMeansTest', centreStaff, { ground: 'migrant_worker_pay' });
  await c.act('grantAid', centreStaff);
  await c.act('assignLawyer', centreStaff, { lawyerUserId: lawyer.userId });
  return c.act('acceptAssignment', lawyer);
}
