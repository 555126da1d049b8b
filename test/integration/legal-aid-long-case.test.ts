/**
 * A legal-aid case that continues as new, on the real dev server (the time-skipping test server does not continue a
 * run atomically). The case starts with a history limit of one event, so it continues as new between every two steps;
 * it is driven through the JSON API from application to closing. Between first instance and appeal the view, the open
 * task, the clocks and the unreceived documents are checked to have survived, and the case finishes after it.
 */
import { describe, expect, it } from 'vitest';
import { defaultLegalAidPolicy } from '../../temporal.config';
import type { LegalAidInput } from '../../workflows/kinds/legal-aid/model';
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { useSystemWithMail } from '../helpers/system-with-mail';
import { eventually } from '../helpers/time-skipping';

const ctx = useSystemWithMail('legal-aid-long');

const today = () => shanghaiDate(Date.now());

describe('a long legal-aid case on the real server', () => {
  it('continues as new between steps and keeps its view, task, clocks and documents', async () => {
    const caseNo = `LA${Date.now().toString(36).toUpperCase().padStart(10, '0').slice(-10)}`;
    const lawyerUserId = (await ctx.sys.db.selectFrom('staff_users').select('id').where('username', '=', 'xihu.ls').executeTakeFirstOrThrow()).id;
    const input: LegalAidInput = {
      caseNo,
      intake: {
        source: 'walk_in', parentCaseNo: null, courtRef: null, districtId: 'd-xihu', streetId: 's-beishan', centreUnitId: 'd-xihu',
        arbitrationUnitId: 'i-xihu-arbitration', courtUnitId: 'i-xihu-court', procuratorateUnitId: 'i-xihu-procuratorate',
        dispute: '加班费', facts: '申请人长期加班，用人单位未支付加班费。', appliedAt: new Date().toISOString(),
        workers: [{ partyNo: 1, name: '刘加班', phone: '13601010002', idNumber: withCheckCharacter('11010819850101123'), claimedFen: 4_600_000 }],
        debtors: [{ partyNo: 2, name: '北京某科技有限公司', enterpriseId: null, address: '北京市海淀区某路2号', representative: { role: '法定代表人', name: '钱总' } }],
        filedBy: { role: 'district_staff', name: '区权保部王干事', unitId: 'd-xihu' },
      },
      policy: { ...defaultLegalAidPolicy, historyLimit: 1 },
    };
    const handle = await ctx.sys.temporal.workflow.start('legalAid', { taskQueue: ctx.sys.taskQueue, workflowId: `legal_aid-${caseNo}`, args: [input] });
    const firstRun = handle.firstExecutionRunId;
    await eventually(async () => !!(await ctx.sys.db.selectFrom('cases').select('case_no').where('case_no', '=', caseNo).executeTakeFirst()));
    const [centre, wu] = [await ctx.api.login('xihu.qb'), await ctx.api.login('xihu.ls')];
    const view = async () => (await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, wu)).body.view;
    // Continuing as new, a command may be answered before the next step has opened: each waits for the task it needs.
    const act = async (action: string, body: unknown, token = wu, before?: string) => {
      if (before) await eventually(async () => ((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, token)).body.view?.openTasks ?? []).some((t: { kind: string }) => t.kind === before), 20_000);
      const r = await ctx.api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token);
      expect(r.status, `${action}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200);
      return r.body.view;
    };
    await act('recordMeansTest', { ground: 'means_tested', passed: true }, centre, 'screen');
    await act('grantAid', {}, centre);
    await act('assignLawyer', { lawyerUserId }, centre, 'assign');
    await act('acceptAssignment', {}, wu, 'accept');
    const stages = [
      { type: 'arbitration', institution: '杭州市西湖区劳动人事争议仲裁委员会', no: '西劳人仲案字〔2026〕第99号', kind: 'award', awardedFen: 1_230_050 },
      { type: 'first_instance', institution: '杭州市西湖区人民法院', no: '（2026）浙0106民初99号', kind: 'judgment', awardedFen: 1_850_000 },
    ];
    for (const [i, s] of stages.entries()) {
      await act('fileProceeding', { type: s.type, institution: s.institution, filedOn: today(), claimedFen: 4_600_000, requests: ['支付加班费46000元'], facts: '用人单位未支付加班费。' }, wu, i === 0 ? 'prepare' : 'decide');
      await act('recordAcceptance', { externalNo: s.no, acceptedOn: today() }, wu, 'proceeding');
      await eventually(async () => (await view()).proceedings[i]?.acceptedOn === today());
      await act('recordResult', { kind: s.kind, decidedOn: today(), servedOn: today(), awardedFen: s.awardedFen, summary: '部分支持' }, wu, 'proceeding');
    }

    // Between first instance and appeal: a later run, with everything the case had.
    const between = await eventually(async () => { const v = await view(); return v.openTasks.some((t: { kind: string }) => t.kind === 'decide') && v; }, 20_000);
    expect(between.runs).toBeGreaterThan(0);
    expect((await handle.describe()).runId).not.toBe(firstRun);
    expect(between.stage).toBe('deciding');
    expect(between.lawyer.name).toContain('吴律师');
    expect(between.proceedings.map((p: { result: { awardedFen: number } }) => p.result.awardedFen)).toEqual([1_230_050, 1_850_000]);
    expect(between.clocks.find((c: { id: string }) => c.id === 'appeal-2')).toMatchObject({ settled: false, expired: false });
    expect(between.clocks.find((c: { id: string }) => c.id === 'suit-1')).toMatchObject({ settled: true });
    const pending = between.documents.filter((d: { received: boolean }) => !d.received);
    expect(pending.map((d: { kind: string }) => d.kind)).toEqual(['legal-aid-assignment', 'arbitration-application', 'civil-complaint']);
    // A document of an earlier run is still received on the later one, through the institution's inbox.
    const clerk = await ctx.api.login('xihu.fy');
    const complaint = pending.find((d: { kind: string }) => d.kind === 'civil-complaint');
    expect((await ctx.api.call('POST', `/api/v1/documents/${complaint.id}/receipt`, undefined, clerk)).status).toBe(200);
    // The events and tasks of every run are one sequence: no key written twice.
    const seqs = (await ctx.sys.db.selectFrom('case_events').select('seq').where('case_no', '=', caseNo).execute()).map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.max(...seqs)).toBe(seqs.length);

    await act('fileProceeding', { type: 'second_instance', institution: '杭州市中级人民法院', filedOn: today(), claimedFen: 4_600_000, requests: ['改判支持全部加班费'], facts: '用人单位伪造考勤记录。' }, wu, 'decide');
    await act('recordAcceptance', { externalNo: '（2027）浙01民终99号', acceptedOn: today() }, wu, 'proceeding');
    await eventually(async () => (await view()).proceedings[2]?.acceptedOn === today());
    await act('recordResult', { kind: 'judgment', decidedOn: today(), servedOn: today(), awardedFen: 4_600_000, summary: '改判支持全部加班费' }, wu, 'proceeding');
    await act('recordReceipt', { debtorPartyNo: 2, amountFen: 4_600_000, paidOn: today() }, wu, 'perform');
    await act('closeCase', { outcome: 'won', note: '二审改判，已付清' }, wu, 'close');
    await eventually(async () => (await view()).stage === 'rating', 20_000);
    const row = await ctx.sys.db.selectFrom('cases').select(['stage', 'outcome', 'recovered_fen']).where('case_no', '=', caseNo).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ stage: 'rating', outcome: 'won' });
    expect(Number(row.recovered_fen)).toBe(4_600_000);
    const tasks = await ctx.sys.db.selectFrom('tasks').select(['task_id', 'status']).where('case_no', '=', caseNo).execute();
    expect(new Set(tasks.map((t) => t.task_id)).size).toBe(tasks.length);
    expect(tasks.filter((t) => t.status === 'open')).toHaveLength(0);
  }, 120_000);
});
