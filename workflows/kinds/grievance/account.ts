/**
 * The grievance in the supervisors' account: its two waits no task tells (the enterprise union chair's notice 12 hours
 * after intake, the worker's rating window), its SMS to the union, the worker and the chair, and its events that read
 * otherwise than by their summary. Pure; read by api/services/case-account through the registry.
 */
import type { GrievancePolicy } from '../../../temporal.config';
import { near, span, when, type EnterpriseNoticeFacts, type KindAccount } from '../account-spec';

function enterpriseNotice(f: EnterpriseNoticeFacts): string {
  if (f.notifiedAt) {
    // The workflow counts the chair as told once the send was made; a refused number still needs a phone call.
    const refused = f.sms.some((m) => m.template === 'enterprise-notice' && m.status === 'rejected');
    return refused
      ? `已于 ${when(f.notifiedAt)} 向企业工会主席发出短信，但号码被拒绝，需改用电话等方式通知`
      : `已于 ${when(f.notifiedAt)} 短信通知企业工会主席`;
  }
  const pending = f.waiting.find((w) => w.kind === 'enterprise_notice');
  if (pending) return `尚未通知，预计 ${pending.when} 短信通知企业工会主席`;
  if (f.events.some((e) => e.type === 'enterprise_chair_missing')) return '该企业未登记工会主席，未能通知';
  if (f.events.some((e) => e.type === 'enterprise_notice_cancelled')) return '不再通知（职工撤回或案件已办结）';
  return '尚未通知';
}

export const grievanceAccount: KindAccount = {
  timerMeaning(t, given) {
    const policy = given as Partial<GrievancePolicy>;
    if (policy.enterpriseNoticeDelay !== undefined && near(t.durationMs, policy.enterpriseNoticeDelay)) {
      const label = `企业工会主席通知（受理后${span(policy.enterpriseNoticeDelay)}）`;
      return {
        kind: 'enterprise_notice', label, deadline: true,
        story: { text: `${label}，预计 ${when(t.fireAt)} 短信通知企业工会主席`, endedEarly: '（提前通知、职工撤回或案件办结）' },
      };
    }
    if (policy.ratingWindow !== undefined && near(t.durationMs, policy.ratingWindow)) {
      const label = `职工评价期限（${span(policy.ratingWindow)}），届时未评价则案件闭环办结`;
      return { kind: 'rating', label, deadline: true, story: { text: `${label}，期限至 ${when(t.fireAt)}`, endedEarly: '（职工已评价）' } };
    }
    return undefined;
  },

  smsTitle(template, { names, roles }) {
    switch (template) {
      case 'intake-notice': return `短信通知${names.length}人：${roles.join('、')}`;
      case 'intake-receipt': return `回执短信发给职工${names[0]}（含案件编号和查看进度的专属链接）`;
      case 'enterprise-notice': return `短信通知企业工会主席${names[0]}`;
      case 'worker-taken': return `短信告知职工${names[0]}：诉求已有人承办`;
      case 'worker-outcome': return `短信告知职工${names[0]}处理结果`;
      case 'worker-rate': return `短信请职工${names[0]}评价本次办理`;
      default: return undefined;
    }
  },
  fanOut: ['intake-notice'],

  events: {
    filed: { entry: 'filed', text: (e) => (e.actor_role === 'worker' ? '职工提交诉求，案件流程启动' : '代职工登记诉求，案件流程启动') },
    complainant_note: { entry: 'note' },
    enterprise_notified: { entry: 'system', sms: 'enterprise-notice' },
    enterprise_chair_missing: { warn: true },
  },
  taskEnds: { reassigned: '（上级接手、转派或代访代办）', canceled: '（职工撤回或案件已办结）' },
  enterpriseNotice,
  engine: { started: '受理诉求，启动案件流程', signals: { complainantNote: '职工补充说明' } },
};
