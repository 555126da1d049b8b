/**
 * Two legal-aid cases of DOMAIN §4 through the JSON API on the real system (Temporal dev server, Postgres, the worker,
 * SMS and SMTP on loopback). Lin'an: seven migrant workers owed 170,000 yuan after a street agreement was broken; the
 * centre screens and assigns (a lawyer with a conflict is held back), the procuratorate supports the suit, the court
 * mediates installments for which a branch and its head office are jointly liable. Beijing: arbitration, first
 * instance and appeal, each stage keeping its own figures. Bad input at each step gets a zh-CN 4xx and changes nothing;
 * who sees the case (an assigned and an unassigned lawyer, a procurator before and after the letter) is checked.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../activities/documents/read-document';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';
import { pdfText } from '../helpers/pdf-text';
import { useSystemWithMail } from '../helpers/system-with-mail';
import { eventually } from '../helpers/time-skipping';

const ctx = useSystemWithMail('legal-aid');

const today = () => shanghaiDate(Date.now());
const dayAfter = (n: number) => shanghaiDate(Date.now() + n * 86_400_000);
const userId = async (username: string) => (await ctx.sys.db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const idNumber = (n: number) => withCheckCharacter(`341524198501${String(10 + (n % 18)).padStart(2, '0')}${String(200 + n).slice(-3)}`);

/** The Lin'an group: seven workers, 170,000 yuan; one of them, 何建国, is a relative 何律师 declared. */
const LINAN_WORKERS = ['张大山', '李小河', '王石头', '赵铁柱', '孙有田', '周满仓', '何建国'].map((name, i) => ({
  name, phone: `1350571${String(1000 + i)}`, idNumber: idNumber(i), claimedFen: i < 6 ? 2_400_000 : 2_600_000,
}));
const LINAN_DEBTORS = [
  { name: '杭州城建建筑工程有限公司临安分公司', address: '杭州市临安区锦城街道某路8号', representative: '陈明', representativeRole: '主要负责人' },
  { name: '杭州城建建筑工程有限公司', enterpriseId: 'e-jianzhu', creditCode: '91330106MA2H00000B', address: '杭州市西湖区翠苑街道某路1号', representative: '王建国' },
];

describe('legal aid through the API', () => {
  it("Lin'an: screening, a conflict held back, supported prosecution, court-mediated installments from two debtors", async () => {
    const centre = await ctx.api.login('xihu.qb');
    const [wu, he, procurator, courtClerk] = [await ctx.api.login('xihu.ls'), await ctx.api.login('xihu.ls2'), await ctx.api.login('xihu.jc'), await ctx.api.login('xihu.fy')];
    const application = {
      workers: LINAN_WORKERS, debtors: LINAN_DEBTORS, dispute: '拖欠工资', streetId: 's-cuiyuan',
      facts: '七名申请人在被申请人承建的临安工地务工，工程完工后被拖欠工资17万元。经街道调解，被申请人承诺于约定日期前付清，到期未履行。',
    };
    const refusedIntake = await ctx.api.call('POST', '/api/v1/legal-aid/applications', { ...application, workers: [{ ...LINAN_WORKERS[0], idNumber: '341524198501011234' }] }, centre);
    expect(refusedIntake.status).toBe(422);
    expect(refusedIntake.body.message).toMatch(/身份证号码不正确/);
    expect((await ctx.api.call('POST', '/api/v1/legal-aid/applications', application, wu)).status).toBe(403);

    const opened = await ctx.api.call('POST', '/api/v1/legal-aid/applications', application, centre);
    expect(opened.status).toBe(201);
    const caseNo: string = opened.body.caseNo;
    expect(caseNo).toMatch(/^LA[0-9A-Z]{10}$/);
    const act = (action: string, body: unknown, token: string) => ctx.api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token);
    const view = async (token = centre) => (await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, token)).body.view;
    // what people did on the case (the system's own events, an e-mail sent in the background, may land at any time)
    const eventCount = async () => Number((await ctx.sys.db.selectFrom('case_events').select((eb) => eb.fn.countAll().as('n')).where('case_no', '=', caseNo).where('actor_role', '!=', 'system').executeTakeFirstOrThrow()).n);

    /** Refused with a zh-CN 4xx, and nothing recorded on the case. */
    const refused = async (action: string, body: unknown, token: string, message: RegExp) => {
      const before = await eventCount();
      const r = await act(action, body, token);
      expect(r.status, `${action} ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.message).toMatch(message);
      expect(await eventCount()).toBe(before);
    };
    const first = await view();
    expect(first).toMatchObject({ kind: 'legal_aid', stage: 'screening', workers: expect.any(Array) });
    expect(first.workers).toHaveLength(7);
    expect(first.workers.reduce((t: number, w: { claimedFen: number }) => t + w.claimedFen, 0)).toBe(17_000_000);

    // Bad input at screening: each refused in zh-CN, nothing recorded.
    await refused('grantAid', {}, centre, /经济困难审查/);
    await refused('recordMeansTest', { ground: 'rich' }, centre, /ground|依据|格式/);
    await refused('recordMeansTest', { ground: 'migrant_worker_pay' }, wu, /./);
    await refused('draftAgreement', {}, centre, /没有这项操作/);

    expect((await act('recordMeansTest', { ground: 'migrant_worker_pay', note: '七人均为进城务工人员，请求支付劳动报酬' }, centre)).status).toBe(200);
    const granted = await act('grantAid', {}, centre);
    expect(granted.body.view.stage).toBe('assigning');

    // 何律师 declared 何建国 (a worker here) as a relative: held back.
    const held = await act('assignLawyer', { lawyerUserId: await userId('xihu.ls2') }, centre);
    expect(held.status).toBe(200);
    expect(held.body.view.stage).toBe('assigning');
    expect(held.body.view.assignments[0].status).toBe('conflict');
    const sources = held.body.view.assignments[0].conflicts.map((c: { source: string }) => c.source);
    // (counsel on record in earlier cases is test/integration/lawyer-conflicts.test.ts's)
    expect(sources).toContain('declared_relative');
    expect((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, he)).status).toBeGreaterThanOrEqual(403);

    const assigned = await act('assignLawyer', { lawyerUserId: await userId('xihu.ls') }, centre);
    expect(assigned.body.view.stage).toBe('accepting');
    // Access: the assigned lawyer sees the case, the other lawyer and the procurator (nothing addressed yet) do not.
    expect((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, wu)).status).toBe(200);
    expect((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, he)).status).toBeGreaterThanOrEqual(403);
    expect((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, procurator)).status).toBeGreaterThanOrEqual(403);
    await refused('acceptAssignment', {}, he, /./);
    await refused('assignLawyer', { lawyerUserId: 'x' }, centre, /lawyerUserId/);

    // The 指派函 is in 吴律师's own inbox, not in 何律师's, and says what it must.
    const inbox = await eventually(async () => {
      const r = await ctx.api.call('GET', '/api/v1/documents', undefined, wu);
      return r.body.documents?.find((d: { case_no: string; kind: string }) => d.case_no === caseNo && d.kind === 'legal-aid-assignment');
    });
    expect((await ctx.api.call('GET', '/api/v1/documents', undefined, he)).body.documents.some((d: { case_no: string }) => d.case_no === caseNo)).toBe(false);
    const letter = await pdfText((await readDocument(ctx.sys.db, Number(inbox.id)))!.bytes);
    expect(letter).toContain('指派函');
    expect(letter).toContain('第四十三条');
    expect(letter).toContain('吴律师');
    expect(letter).not.toContain(LINAN_WORKERS[0].idNumber);

    // the letter was sent to the lawyer alone: they confirm its receipt, nobody else may
    expect((await ctx.api.call('POST', `/api/v1/documents/${inbox.id}/receipt`, undefined, he)).status).toBeGreaterThanOrEqual(403);
    expect((await ctx.api.call('POST', `/api/v1/documents/${inbox.id}/receipt`, undefined, wu)).status).toBe(200);
    const accepted = await act('acceptAssignment', {}, wu);
    expect(accepted.body.view.stage).toBe('preparing');
    await act('recordEvidence', { items: [{ name: '街道调解协议书', holder: 'worker', status: 'held' }, { name: '工资表', holder: 'employer', status: 'requested' }] }, wu);
    await act('recordSettlement', { result: 'failed', note: '被申请人拒绝履行街道调解协议' }, wu);

    const asked = await act('requestSupport', { reasons: '七名申请人均为进城务工人员，诉讼能力较弱，街道调解协议到期未履行' }, wu);
    expect(asked.body.view.stage).toBe('support');
    expect((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, procurator)).status).toBe(200);
    const request = await eventually(async () => (await ctx.api.call('GET', '/api/v1/documents', undefined, procurator)).body.documents?.find((d: { case_no: string }) => d.case_no === caseNo));
    const requestText = await pdfText((await readDocument(ctx.sys.db, Number(request.id)))!.bytes);
    expect(requestText).toContain('支持起诉');
    expect(requestText).toContain('第十五条');
    await refused('fileProceeding', { type: 'first_instance', institution: '杭州市西湖区人民法院', filedOn: today(), claimedFen: 17_000_000, requests: ['判令被告支付工资170000元'], facts: '被告拖欠工资。' }, wu, /检察院审查支持起诉申请/);
    await refused('decideSupport', { support: true, reason: '符合支持起诉条件' }, wu, /检察院/);
    await refused('decideSupport', { support: 'yes', reason: '符合' }, procurator, /support/);
    const supported = await act('decideSupport', { support: true, letterNo: '西检民支〔2026〕3号', reason: '申请人系农民工，依法支持起诉' }, procurator);
    expect(supported.body.view.stage).toBe('preparing');

    const filed = await act('fileProceeding', { type: 'first_instance', institution: '杭州市西湖区人民法院', filedOn: today(), claimedFen: 17_000_000, requests: ['判令二被告连带支付拖欠工资人民币170000元'], facts: '被告拖欠七名原告工资，经街道调解承诺付款后仍未履行。' }, wu);
    expect(filed.body.view.stage).toBe('proceeding');
    const complaint = await eventually(async () => (await ctx.api.call('GET', '/api/v1/documents', undefined, courtClerk)).body.documents?.find((d: { case_no: string; kind: string }) => d.case_no === caseNo && d.kind === 'civil-complaint'));
    const complaintText = await pdfText((await readDocument(ctx.sys.db, Number(complaint.id)))!.bytes);
    expect(complaintText).toContain('民事起诉状');
    expect(complaintText).toContain('杭州市西湖区人民检察院');
    expect(complaintText).toContain('壹拾柒万元');
    expect((await ctx.api.call('POST', `/api/v1/documents/${complaint.id}/receipt`, undefined, courtClerk)).status).toBe(200);

    await refused('recordResult', { kind: 'mediation', decidedOn: today(), servedOn: today(), awardedFen: 17_000_000, summary: '法院调解' }, wu, /不能执行/);
    await refused('recordAcceptance', { externalNo: '（2026）浙0106民初1234号', acceptedOn: '2026-02-30' }, wu, /acceptedOn|日期/);
    await act('recordAcceptance', { externalNo: '（2026）浙0106民初1234号', acceptedOn: today() }, wu);
    const mediated = await act('recordResult', { kind: 'mediation', decidedOn: today(), servedOn: today(), awardedFen: 17_000_000, summary: '经法院主持调解，二被告对17万元承担连带责任，分三期支付' }, wu);
    expect(mediated.body.view.stage).toBe('performing');
    const partyNos = mediated.body.view.debtors.map((d: { partyNo: number }) => d.partyNo);
    expect(partyNos).toEqual([8, 9]);
    const plan = await act('setInstallments', { debtorPartyNos: partyNos, installments: [{ dueDate: dayAfter(30), amountFen: 6_000_000 }, { dueDate: dayAfter(60), amountFen: 6_000_000 }, { dueDate: dayAfter(90), amountFen: 5_000_000 }] }, wu);
    expect(plan.status).toBe(200);
    await refused('recordReceipt', { debtorPartyNo: 3, amountFen: 100, paidOn: today() }, wu, /付款的用人单位/);
    await refused('setInstallments', { debtorPartyNos: partyNos, installments: [{ dueDate: dayAfter(60), amountFen: 1 }, { dueDate: dayAfter(30), amountFen: 1 }] }, wu, /晚于上一期/);
    await act('recordReceipt', { debtorPartyNo: 8, amountFen: 6_000_000, paidOn: today() }, wu);
    await act('recordReceipt', { debtorPartyNo: 9, amountFen: 6_000_000, paidOn: today() }, wu);
    await refused('recordReceipt', { debtorPartyNo: 9, amountFen: 5_000_100, paidOn: today() }, wu, /超过应付/);
    await refused('closeCase', { outcome: 'refused', note: '结案' }, wu, /处理结果的取值无效/);
    await act('recordReceipt', { debtorPartyNo: 8, amountFen: 5_000_000, paidOn: today() }, wu);
    const paid = await eventually(async () => { const v = await view(wu); return v.stage === 'closing' && v; });
    expect(paid.recoveredFen).toBe(17_000_000);
    expect(paid.payments.map((p: { debtorPartyNo: number }) => p.debtorPartyNo)).toEqual([8, 9, 8]);
    const closed = await act('closeCase', { outcome: 'mediated', note: '法院调解，二被告分三期付清' }, wu);
    expect(closed.body.view.stage).toBe('rating');
    const row = await ctx.sys.db.selectFrom('cases').select(['stage', 'outcome', 'recovered_fen', 'kind']).where('case_no', '=', caseNo).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'legal_aid', stage: 'rating', outcome: 'mediated' });
    expect(Number(row.recovered_fen)).toBe(17_000_000);
    // Every worker was texted at the milestones.
    const texts = await ctx.sys.db.selectFrom('sms_outbox').select(['template', 'recipient_phone']).where('case_no', '=', caseNo).where('template', '=', 'legal-aid-notice').execute();
    expect(new Set(texts.map((t) => t.recipient_phone)).size).toBe(7);
  }, 120_000);

  it('Beijing: arbitration → first instance → appeal, the amount changing at each stage and every stage keeping its figures', async () => {
    const centre = await ctx.api.login('xihu.qb');
    const wu = await ctx.api.login('xihu.ls');
    const opened = await ctx.api.call('POST', '/api/v1/legal-aid/applications', {
      workers: [{ name: '刘加班', phone: '13601010001', idNumber: idNumber(40), claimedFen: 4_600_000 }],
      debtors: [{ name: '北京某科技有限公司', address: '北京市海淀区某路2号', representative: '钱总' }],
      dispute: '加班费', facts: '申请人长期加班，用人单位未支付加班费，并伪造考勤记录。', streetId: 's-beishan',
    }, centre);
    expect(opened.status).toBe(201);
    const caseNo: string = opened.body.caseNo;
    const act = (action: string, body: unknown, token = wu) => ctx.api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token);
    await act('recordMeansTest', { ground: 'means_tested', passed: true }, centre);
    await act('grantAid', {}, centre);
    // 何律师 is assigned first and declines: from then on he sees the case no more, nor its workers.
    const he = await ctx.api.login('xihu.ls2');
    await act('assignLawyer', { lawyerUserId: await userId('xihu.ls2') }, centre);
    expect((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, he)).status).toBe(200);
    expect((await act('declineAssignment', { reason: '近期庭审排满' }, he)).status).toBe(200);
    expect((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, he)).status).toBeGreaterThanOrEqual(403);
    await act('assignLawyer', { lawyerUserId: await userId('xihu.ls') }, centre);
    await act('acceptAssignment', {});
    const stages = [
      { type: 'arbitration', institution: '杭州市西湖区劳动人事争议仲裁委员会', no: '西劳人仲案字〔2026〕第88号', kind: 'award', awardedFen: 1_230_050 },
      { type: 'first_instance', institution: '杭州市西湖区人民法院', no: '（2026）浙0106民初88号', kind: 'judgment', awardedFen: 1_850_000 },
      { type: 'second_instance', institution: '杭州市中级人民法院', no: '（2027）浙01民终88号', kind: 'judgment', awardedFen: 4_600_000 },
    ];
    expect((await act('fileProceeding', { type: 'second_instance', institution: 'x', filedOn: today(), claimedFen: 1, requests: ['x'], facts: 'x' })).body.message).toMatch(/现在只能提起劳动仲裁或一审/);
    for (const s of stages) {
      const filed = await act('fileProceeding', { type: s.type, institution: s.institution, filedOn: today(), claimedFen: 4_600_000, requests: ['支付加班费46000元'], facts: s.type === 'second_instance' ? '用人单位伪造考勤记录，一审认定事实错误。' : '用人单位未支付加班费。' });
      expect(filed.status).toBe(200);
      expect((await act('recordAcceptance', { externalNo: s.no, acceptedOn: dayAfter(1) })).body.message).toMatch(/不能晚于今天/);
      await act('recordAcceptance', { externalNo: s.no, acceptedOn: today() });
      const decided = await act('recordResult', { kind: s.kind, decidedOn: today(), servedOn: today(), awardedFen: s.awardedFen, summary: '部分支持' });
      expect(decided.status).toBe(200);
    }
    const v = await eventually(async () => { const x = (await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, wu)).body.view; return x.stage === 'performing' && x; });
    expect(v.proceedings.map((p: { type: string; externalNo: string; claimedFen: number; result: { awardedFen: number } }) => [p.type, p.externalNo, p.claimedFen, p.result.awardedFen]))
      .toEqual(stages.map((s) => [s.type, s.no, 4_600_000, s.awardedFen]));
    // the suit and appeal clocks were settled by the filings; enforcement's 2 years run now
    expect(v.clocks.map((c: { id: string; settled: boolean }) => [c.id.replace(/-\d+$/, ''), c.settled])).toEqual([['award', true], ['suit', true], ['appeal', true], ['enforce', false]]);
    const kinds = (await ctx.sys.db.selectFrom('documents').select('kind').where('case_no', '=', caseNo).orderBy('id').execute()).map((d) => d.kind);
    expect(kinds).toEqual(['legal-aid-assignment', 'legal-aid-assignment', 'arbitration-application', 'civil-complaint', 'appeal-petition']);
    await act('recordReceipt', { debtorPartyNo: 2, amountFen: 4_600_000, paidOn: today() });
    await eventually(async () => (await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, wu)).body.view.stage === 'closing');
    expect((await act('closeCase', { outcome: 'won', note: '二审改判支持全部加班费，已执行到位' })).body.view.stage).toBe('rating');
  }, 120_000);
});
