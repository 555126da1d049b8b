/**
 * The supervisors' account tells each kind in its own words through the registry (workflows/kinds/<kind>/account.ts):
 * a mediation's installment waits are named by the mediation's entry and by no other kind's, a template no kind titles
 * reads by its registry label, and a kind the core has never heard of is told by its entry alone. The core itself
 * names no kind: a new kind adds files, not branches in api/services/case-account.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SmsRecord, TaskRecord, EventRecord } from '../../api/services/case-account/case-records';
import { deadlineEntries } from '../../api/services/case-account/deadline-entries';
import { eventEntries } from '../../api/services/case-account/event-entries';
import { smsGroups } from '../../api/services/case-account/sms-groups';
import { timerEntries, type MeantTimer } from '../../api/services/case-account/timer-entries';
import { timerMeaning } from '../../api/services/case-account/timer-meaning';
import { defaultGrievancePolicy, defaultMediationPolicy } from '../../temporal.config';
import { CASE_KINDS, kindOfCaseNo } from '../../workflows/kinds';
import type { EngineTimer, KindAccount } from '../../workflows/kinds/account-spec';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const grievanceNo = `${CASE_KINDS.find((k) => k.kind === 'grievance')!.prefix}0123456789`;
const mediationNo = `${CASE_KINDS.find((k) => k.kind === 'mediation')!.prefix}0123456789`;
const policies: Record<string, object> = { [grievanceNo]: defaultGrievancePolicy, [mediationNo]: defaultMediationPolicy };

function timer(startedAt: number, durationMs: number, state: EngineTimer['state'] = 'pending'): EngineTimer {
  return { eventId: 7, startedAt, durationMs, fireAt: startedAt + durationMs, state, ...(state === 'pending' ? {} : { endedAt: startedAt + 1000 }) };
}

/** What the account says a timer of this case waits for, its policy and kind found as loadCaseStory finds them. */
const meaning = (caseNo: string, t: EngineTimer) => timerMeaning(t, { quietHours: null, ...policies[caseNo] }, [], kindOfCaseNo(caseNo)?.account);

function sms(template: string, key: string, name: string, role: string): SmsRecord {
  return {
    id: 1, idempotency_key: key, template, recipient_name: name, recipient_role: role, recipient_phone: '13700001234',
    status: 'sent', attempts: 1, last_error: null, created_at: new Date('2026-03-02T01:00:00Z'), sent_at: new Date('2026-03-02T01:00:05Z'),
  } as unknown as SmsRecord;
}

describe('a kind’s own words in the supervisors’ account', () => {
  it('names a mediation’s installment grace, due day and reminder by the mediation’s entry, and no grievance timer so', () => {
    const missedAt = Date.parse('2026-03-03T02:00:00Z');
    const grace = timer(missedAt, defaultMediationPolicy.installmentGrace);
    expect(meaning(mediationNo, grace)).toEqual({ kind: 'other', label: '逾期付款宽限期（5天）届满，届时仍未付清则申请强制执行' });

    // A payment due at the end of its day (workflows/mediation/installments.ts): the reminder 3 days before, then the
    // wait for the due day, set as the reminder goes out. Both end at 23:59, Asia/Shanghai.
    const due = Date.parse('2026-03-10T23:59:59.999+08:00');
    const lead = defaultMediationPolicy.installmentReminderLead;
    expect(meaning(mediationNo, timer(due - lead - 9 * DAY - 5 * HOUR, 9 * DAY + 5 * HOUR)).label).toBe('分期付款提醒（2026-03-10到期前3天）');
    expect(meaning(mediationNo, timer(due - lead + 40, lead - 40)).label).toBe('分期付款到期（2026-03-10）');
    // Agreed less than 3 days before the date: no reminder, the due day's wait alone.
    expect(meaning(mediationNo, timer(due - 2 * DAY, 2 * DAY)).label).toBe('分期付款到期（2026-03-10）');

    // The same waits in a grievance are not its own: nothing in its entry names them (a wait ending at 23:59 once was).
    expect(meaning(grievanceNo, timer(due - 2 * DAY, 2 * DAY)).label).toMatch(/用途未能识别/);
    expect(meaning(grievanceNo, grace).label).toMatch(/用途未能识别/);
  });

  it('tells the grievance’s enterprise notice as a story entry and a deadline, by the grievance’s entry', () => {
    const filedAt = Date.parse('2026-03-02T01:00:00Z');
    const notice = meaning(grievanceNo, timer(filedAt, defaultGrievancePolicy.enterpriseNoticeDelay, 'canceled'));
    expect(notice).toMatchObject({ kind: 'enterprise_notice', label: '企业工会主席通知（受理后12小时）', deadline: true });
    const [entry] = timerEntries([{ ...timer(filedAt, defaultGrievancePolicy.enterpriseNoticeDelay, 'canceled'), meaning: notice } as MeantTimer]);
    expect(entry.text).toBe('开始计时：企业工会主席通知（受理后12小时），预计 2026-03-02 21:00 短信通知企业工会主席');
    expect(entry.details).toEqual(['2026-03-02 09:00 计时提前结束（提前通知、职工撤回或案件办结）']);
    // A mediation's policy has no such delay: the same timer is no enterprise notice there.
    expect(meaning(mediationNo, timer(filedAt, 12 * HOUR)).kind).toBe('other');
  });

  it('titles an SMS by the kind’s entry, else by the template’s registry label, else plainly', () => {
    const [intake] = smsGroups(grievanceNo, [
      sms('intake-notice', 'grievance-x:intake:street_caseworker', '北山街道社工', 'street_caseworker'),
      sms('intake-notice', 'grievance-x:intake:street_chair', '北山街道工会主席', 'street_chair'),
    ], [], []);
    expect(intake.title).toBe('短信通知2人：社会化工会工作者、街道工会主席');

    const [reminder, unknown] = smsGroups(mediationNo, [
      sms('installment-reminder', 'mediation-x:installment-reminder:employer:0', '某物流有限公司', 'employer'),
      sms('not-a-template', 'mediation-x:other:worker:0', '张三', 'worker'),
    ], [], []);
    expect(reminder.title).toBe('“付款提醒”短信发给用人单位');
    expect(unknown.title).toBe('短信发给职工');
    // The grievance's titles are its own: the same template name in a mediation is not read through them.
    expect(smsGroups(mediationNo, [sms('intake-receipt', 'k', '张三', 'worker')], [], [])[0].title).toBe('短信发给职工');
  });

  it('tells a draft’s codes to 43 workers and the employer as two sends, not 44 entries', () => {
    const rows = [
      sms('agreement-confirm', 'mediation-x:agreement-v1:employer:0', '王建设', 'employer'),
      ...Array.from({ length: 43 }, (_, i) => sms('agreement-confirm', `mediation-x:agreement-v1:worker:${i}`, `工人${i + 1}`, 'worker')),
      // a code texted again to one party is a send of its own
      sms('agreement-confirm', 'mediation-x:agreement-v1-resend-9:worker:0', '工人1', 'worker'),
    ];
    const groups = smsGroups(mediationNo, rows, [], []);
    expect(groups.map((g) => g.title)).toEqual([
      '“调解协议确认码（当事人）”短信发给用人单位', '“调解协议确认码（当事人）”短信发给职工43人', '“调解协议确认码（当事人）”短信发给职工',
    ]);
    expect(groups[1].details).toHaveLength(43);
  });

  it('tells a kind the core has never heard of by its entry alone', () => {
    const legalAid: KindAccount = {
      timerMeaning: (t, policy) => (t.durationMs === policy.reviewWindow ? { kind: 'aid_review', label: '法律援助审查期限', deadline: true, story: { text: '法律援助审查' } } : undefined),
      events: { aid_granted: { entry: 'system', text: () => '准予法律援助', sms: 'aid-granted' } },
      taskEnds: { canceled: '（申请人撤回）' },
    };
    const t = timer(Date.parse('2026-03-02T01:00:00Z'), 5 * DAY);
    expect(timerMeaning(t, { reviewWindow: 5 * DAY }, [], legalAid)).toMatchObject({ kind: 'aid_review', label: '法律援助审查期限' });

    const group = { key: 'g', template: 'aid-granted', at: new Date(), title: '', details: ['职工 张三：已发送'], troubled: false };
    const event = { seq: 1, type: 'aid_granted', actor: '系统', actor_role: 'system', summary: '审查通过', data: {}, at: new Date('2026-03-02T01:00:00Z') } as unknown as EventRecord;
    const used = new Set<string>();
    expect(eventEntries([event], [group], used, legalAid)[0]).toMatchObject({ kind: 'system', text: '准予法律援助', details: ['审查通过', '职工 张三：已发送'] });
    expect(used.has('g')).toBe(true);

    const task = { task_id: 't', title: '审查申请', assignee_role: 'district_staff', department: null, unit_name: '区总工会', person: null,
      due_at: new Date('2026-03-05T01:00:00Z'), status: 'cancelled', escalation_level: 0, opened_at: new Date('2026-03-02T01:00:00Z'), closed_at: new Date('2026-03-03T01:00:00Z') } as unknown as TaskRecord;
    expect(deadlineEntries([task], Date.parse('2026-03-04T00:00:00Z'), legalAid.taskEnds).at(-1)!.text).toBe('待办“审查申请”已取消，不再需要办理（申请人撤回）');
  });

  it('names no kind in the core of the account', () => {
    const dir = join(__dirname, '../../api/services/case-account');
    const kinds = CASE_KINDS.map((k) => k.kind);
    for (const file of readdirSync(dir)) {
      const code = readFileSync(join(dir, file), 'utf8').replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const kind of kinds) {
        expect(code, file).not.toMatch(new RegExp(`['"\`]${kind}['"\`]`));
        expect(code, file).not.toMatch(new RegExp(`workflows/kinds/${kind}/`));
      }
    }
  });
});
