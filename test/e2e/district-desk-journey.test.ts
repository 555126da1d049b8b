/**
 * A district staff member at a desk (issue 23): filters the case list by street, exports it (UTF-8 with a BOM, the
 * rows shown), and gives a caseworker's open tasks to a colleague of the same street for a reason. Every page is
 * photographed and checked with axe-core.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { addColleague } from '../helpers/colleague';
import { apiClient, validIntake } from '../helpers/http';
import { eventually } from '../helpers/time-skipping';
import { useJourney } from './helpers/journey';
import { lookAt, mainText, signInAs } from './helpers/reading';

const world = useJourney('e2e_desk');

describe('a district staff member at a desk', () => {
  it('filters, exports and reassigns a caseworker’s open tasks', async () => {
    const { sys } = world;
    const api = apiClient(sys.baseUrl);
    const staffToken = await api.login('xihu.qb');
    const colleague = await addColleague(sys.db, { username: 'beishan.sg2', name: '北山街道社工小陈', role: 'street_caseworker', unitId: 's-beishan', phone: '13700001999' });
    const cases: string[] = [];
    for (const [i, enterpriseId] of ['e-jingmi', 'e-kuaidi', 'e-fangzhi'].entries()) {
      const r = await api.call('POST', '/api/v1/grievances', validIntake({ enterpriseId, complainantPhone: `1391234560${i}` }), staffToken);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      cases.push(r.body.caseNo);
    }
    const beishan = cases.slice(0, 2);
    await eventually(async () => (await sys.db.selectFrom('tasks').select('task_id').where('case_no', 'in', cases).where('status', '=', 'open').execute()).length === 3);

    const page = await (await world.env.desk()).newPage();
    await signInAs(page, sys.baseUrl, 'xihu.qb', '/staff/cases');
    await page.getByLabel('街道', { exact: true }).selectOption({ label: '北山街道总工会' });
    await page.getByRole('button', { name: '查找' }).click();
    await page.waitForURL(/\/staff\/cases\?street=s-beishan&/);
    const listed = await page.locator('tbody tr td[data-label="案件编号"]').allInnerTexts();
    expect(listed.sort()).toEqual([...beishan].sort());
    // each row in the registry's words (not a helper's output in place of the row's own label)
    expect(await page.locator('tbody td[data-label="类型"]').allInnerTexts()).toEqual(['工情诉求 · 拖欠工资或奖金', '工情诉求 · 拖欠工资或奖金']);
    expect(await page.locator('tbody td[data-label="环节"]').allInnerTexts()).toEqual(['联系职工', '联系职工']);
    await lookAt(page, 'desk-01-filtered', '按街道筛选的案件');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出CSV/ }).click()]);
    const csv = await readFile((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('"案件编号","类型"');
    expect(lines.slice(1).map((l) => l.split(',')[0].replace(/"/g, '')).sort()).toEqual([...beishan].sort());
    expect(lines.slice(1).every((l) => l.includes('北山街道总工会'))).toBe(true);

    await page.getByLabel(/转出待办的工作人员/).selectOption({ label: '北山街道社工（北山街道总工会·社会化工会工作者）' });
    await page.getByLabel('接收待办的工作人员').selectOption(String(colleague));
    await page.getByLabel('转派理由').fill('原承办人休假两周');
    await page.getByRole('button', { name: '转派' }).click();
    await page.waitForURL('**/staff/task-reassignments');
    const report = await mainText(page);
    expect(report).toContain('已转派给北山街道社工小陈：2件；未能转派：0件');
    expect(report).toContain('已转派：“联系职工，了解诉求”');
    await lookAt(page, 'desk-02-reassigned', '转派结果');
    const held = await sys.db.selectFrom('tasks').select(['case_no', 'assignee_user_id']).where('case_no', 'in', cases).where('status', '=', 'open').orderBy('case_no').execute();
    expect(held.filter((t) => t.assignee_user_id === colleague).map((t) => t.case_no).sort()).toEqual([...beishan].sort());
    expect(held.find((t) => t.case_no === cases[2])?.assignee_user_id).toBeNull();
    expect(world.env.pageErrors).toEqual([]);
  }, 90_000);
});
