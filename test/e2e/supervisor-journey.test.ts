/**
 * The street chair's journey, on a phone and at a desk: sign in, open a case whose first step was missed, read its
 * account (not the engine's log), find the missed deadline and the reminder it caused, and open the engine's own view
 * one click away. Every page is photographed and checked with axe-core.
 */
import { describe, expect, it } from 'vitest';
import { demoGrievanceInput, faultCaseNumbers, startGrievance } from '../helpers/fault-cases';
import { eventually } from '../helpers/time-skipping';
import { expectInOrder, headings, lookAt, mainText, signInAs } from './helpers/reading';
import { useJourney } from './helpers/journey';

const world = useJourney('e2e_supervisor');

describe('a street chair reading a case', () => {
  it('finds the missed deadline and its reminder in the account, and the engine view one click away', async () => {
    // The contact step was due two seconds after the case came in; nobody acted, so the first reminder went out.
    const [caseNo] = faultCaseNumbers('e2e-supervisor', 1);
    await startGrievance(world.sys.temporal, world.sys.taskQueue, demoGrievanceInput(caseNo, { contactDue: 2_000 }));
    await eventually(async () => (await world.sys.db.selectFrom('case_events').select('type').where('case_no', '=', caseNo).where('type', '=', 'task_escalated').execute()).length === 1, 30_000);

    for (const [ctx, label] of [[await world.env.phone(), 'phone'], [await world.env.desk(), 'desk']] as const) {
      const page = await ctx.newPage();
      await signInAs(page, world.sys.baseUrl, 'beishan.zx', `/staff/cases/${caseNo}/history`);
      const account = await mainText(page);
      expect((await headings(page))[0]).toContain(caseNo);
      // The account, in words: the integrity check, the summary, then the story with the missed deadline and reminder.
      expectInOrder(account, ['未发现篡改', '超过时限', '联系职工，了解诉求', '第1级督办']);
      expect(account).toContain('短信通知5人');
      expect(account).not.toMatch(/persistTransition|sendSmsBatch|findContacts|WORKFLOW_|ACTIVITY_/);
      await lookAt(page, `supervisor-01-account-${label}`, `案件经过（${label}）`);

      await page.getByRole('link', { name: /引擎/ }).first().click();
      await page.waitForURL(`**/staff/cases/${caseNo}/history/engine`);
      expect(await mainText(page)).toContain('Temporal');
      await lookAt(page, `supervisor-02-engine-${label}`, `引擎流程记录（${label}）`);
    }
  }, 90_000);
});
