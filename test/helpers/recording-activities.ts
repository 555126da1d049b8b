/**
 * In-memory activities for time-skipping workflow tests: the workflow logic is under test there, not Postgres (the
 * integration tests run the real activities against real Postgres). They keep the same idempotency rules.
 */
import type {
  CaseActivities, CaseEvent, Conflict, Contact, DueWagePlan, WageFacts, EmailRequest, Institution, GeneratedDocument, GenerateDocumentRequest, LawyerContact, RejectedSms, SmsBatchResult, SmsRequest, Transition,
} from '../../activities/types';
import { createSendSmsFanOut } from '../../activities/sms/fan-out';
import { createPersistThenFanOut } from '../../activities/sms/fan-out-after-transition';
import { defaultLegalAidPolicy, defaultWageNegotiationPolicy } from '../../temporal.config';
import { chinaHolidayCalendar } from '../../workflows/shared/holiday-calendar';
import type { Role } from '../../workflows/shared/roles';

export interface Directory {
  [unitId: string]: Partial<Record<Role, Contact>>;
}

export const testDirectory: Directory = {
  'd-1': {
    district_staff: { role: 'district_staff', name: '区权保部', phone: '13900000003', email: 'quanbao@union.test' },
    supervising_leader: { role: 'supervising_leader', name: '分管领导', phone: '13900000004' },
    district_chair: { role: 'district_chair', name: '区主席', phone: '13900000005' },
    partner_department: { role: 'partner_department', name: '人社局联络员', phone: '13900000006' },
    negotiation_mentor: { role: 'negotiation_mentor', name: '冯导师', phone: '13900000051' },
  },
  'u-1': {
    enterprise_chair: { role: 'enterprise_chair', name: '企业工会赵主席', phone: '13900000007', email: 'chair@union.test' },
  },
  'i-station': {
    union_mediator: { role: 'union_mediator', name: '调解员', phone: '13900000008' },
  },
  's-1': {
    street_caseworker: { role: 'street_caseworker', name: '社工', phone: '13900000001' },
    street_chair: { role: 'street_chair', name: '街道主席', phone: '13900000002' },
  },
};

/** The mediation station and the institutions documents go to (as the institutions table has them). */
export const testInstitutions: Record<string, Institution> = {
  'i-station': { unitId: 'i-station', kind: 'mediation_station', name: '测试区总工会劳动争议调解工作室', email: null },
  'i-arbitration': { unitId: 'i-arbitration', kind: 'arbitration', name: '测试区劳动人事争议仲裁委员会', email: 'zc@arbitration.test' },
  'i-court': { unitId: 'i-court', kind: 'court', name: '测试区人民法院', email: 'li-an@court.test' },
  /** another district's court: where an employer's property may be (the enforcement application may go there) */
  'i-court-2': { unitId: 'i-court-2', kind: 'court', name: '测试市另区人民法院', email: 'zx@court2.test' },
  'i-procuratorate': { unitId: 'i-procuratorate', kind: 'procuratorate', name: '测试区人民检察院', email: 'jc@procuratorate.test' },
  'i-hr': { unitId: 'i-hr', kind: 'hr_bureau', name: '测试区人力资源和社会保障局', email: 'ldgx@hr.test' },
};

/** The legal-aid lawyers of the test district (as staff_users with lawyer_profiles have them). */
export const testLawyers: LawyerContact[] = [
  { userId: 41, name: '吴律师', phone: '13900000041', unitId: 'd-1', role: 'legal_aid_lawyer', firm: '测试之江律师事务所', email: 'wu@law.test', acceptsCases: true },
  { userId: 42, name: '何律师', phone: '13900000042', unitId: 'd-1', role: 'legal_aid_lawyer', firm: '测试钱塘律师事务所', email: null, acceptsCases: true },
  /** has declared a relative who is a party of every test case (checkConflicts below) */
  { userId: 43, name: '冯律师', phone: '13900000043', unitId: 'd-1', role: 'legal_aid_lawyer', firm: '测试钱塘律师事务所', email: null, acceptsCases: true },
];

export class RecordingActivities {
  readonly sms = new Map<string, SmsRequest>();
  readonly smsOrder: SmsRequest[] = [];
  readonly events = new Map<string, CaseEvent>();
  readonly tasks = new Map<string, { status: string; role: string; kind: string; escalation: number; dueAt?: string }>();
  /** the calendar_days table as loadCalendar reads it, seeded as migration 009 seeds it; tests change it, then send calendarChanged */
  readonly calendar = new Map<string, boolean>([
    ...[...chinaHolidayCalendar.holidays].map((d) => [d, true] as const), ...[...chinaHolidayCalendar.makeUpWorkdays].map((d) => [d, false] as const),
  ]);
  readonly cases = new Map<string, Record<string, unknown>>();
  /** by idempotency key, as the documents table keeps them */
  readonly documents = new Map<string, { req: GenerateDocumentRequest; result: GeneratedDocument }>();
  readonly emails = new Map<string, EmailRequest>();
  /**
   * The gateway's answer for a message: 'down' fails the batch (Temporal retries it), 'reject' refuses that number for
   * good (reported, never retried). Tests set it; by default every message is accepted.
   */
  gateway: (req: SmsRequest) => 'ok' | 'down' | 'reject' = () => 'ok';
  /** how long a transition takes to write, in real milliseconds (tests set it to hold a workflow task open; 0 by default) */
  persistDelay: (t: Transition) => number = () => 0;
  /** how many times a batch was attempted while the gateway was down */
  smsAttemptsRefused = 0;
  /** people whose grant on a case was revoked (a lawyer replaced), by case */
  readonly revoked = new Map<string, number[]>();
  /** what checkConflicts answers (tests set it; by default every lawyer is clear) */
  conflicts: Conflict[] = [];
  /** the wage plan's rows (tests set them); a row is opened once a round's creation names it */
  wagePlans: DueWagePlan[] = [];
  readonly openedPlans = new Set<number>();
  /** what wage rounds wrote to their own rows, by case */
  readonly wageFacts = new Map<string, WageFacts[]>();

  constructor(private readonly directory: Directory = testDirectory, private readonly enterpriseChair: Contact | null = { role: 'enterprise_chair', name: '企业主席', phone: '13900000007' }) {}

  eventsOf(caseNo: string): CaseEvent[] {
    return [...this.events.values()].filter((e) => e.key.includes(caseNo)).sort((a, b) => a.seq - b.seq);
  }

  smsOf(caseNo: string, template?: string): SmsRequest[] {
    return this.smsOrder.filter((m) => m.caseNo === caseNo && (!template || m.template === template));
  }

  build(): CaseActivities {
    const acts: Omit<CaseActivities, 'persistThenFanOut'> = {
      persistTransition: async (t: Transition) => {
        const delay = this.persistDelay(t);
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        if (t.createCase && !this.cases.has(t.caseNo)) this.cases.set(t.caseNo, { ...t.createCase });
        if (t.casePatch) Object.assign(this.cases.get(t.caseNo) ?? {}, t.casePatch);
        for (const e of t.events ?? []) if (!this.events.has(e.key)) this.events.set(e.key, e);
        if (t.openTask && !this.tasks.has(t.openTask.taskId)) {
          this.tasks.set(t.openTask.taskId, { status: 'open', role: t.openTask.role, kind: t.openTask.kind, escalation: 0, dueAt: t.openTask.dueAt });
        }
        if (t.rescheduleTask && this.tasks.get(t.rescheduleTask.taskId)?.status === 'open') this.tasks.get(t.rescheduleTask.taskId)!.dueAt = t.rescheduleTask.dueAt;
        if (t.escalateTask) this.tasks.get(t.escalateTask.taskId)!.escalation = t.escalateTask.level;
        if (t.closeTask) this.tasks.get(t.closeTask.taskId)!.status = t.closeTask.status;
        for (const r of t.revokeAccess ?? []) this.revoked.set(t.caseNo, [...(this.revoked.get(t.caseNo) ?? []), r.userId]);
        if (t.wage) this.wageFacts.set(t.caseNo, [...(this.wageFacts.get(t.caseNo) ?? []), t.wage]);
        if (t.wage?.round?.planId) this.openedPlans.add(t.wage.round.planId);
      },
      dueWagePlans: async ({ today, aheadDays }) => ({
        plans: this.wagePlans.filter((p) => !this.openedPlans.has(p.planId) && Date.parse(`${p.plannedStart}T00:00:00+08:00`) <= Date.parse(today) + aheadDays * 86_400_000),
        policy: { ...defaultWageNegotiationPolicy, quietHours: null },
      }),
      findContacts: async ({ unitId, roles }) => roles.flatMap((r) => (unitId === undefined ? [] : this.directory[unitId]?.[r] ?? [])),
      findEnterpriseChair: async () => this.enterpriseChair,
      findInstitution: async ({ unitId }) => testInstitutions[unitId] ?? null,
      findLawyer: async ({ userId }) => testLawyers.find((l) => l.userId === userId) ?? null,
      listLawyers: async ({ districtId }) => testLawyers.filter((l) => l.unitId === districtId),
      checkConflicts: async ({ lawyerUserId, parties }) => (lawyerUserId === 43
        ? [{ source: 'declared_relative', partyName: parties[0].name, caseNo: null, detail: `律师申报的亲属${parties[0].name}是本案当事人` }, ...this.conflicts]
        : this.conflicts),
      legalAidSetup: async ({ districtId }) => (districtId === 'd-1' ? { places: { arbitrationUnitId: 'i-arbitration', courtUnitId: 'i-court', procuratorateUnitId: 'i-procuratorate' }, policy: { ...defaultLegalAidPolicy, quietHours: null } } : null),
      findDistrictInstitutions: async ({ districtId }) => (districtId === 'd-1' ? { stationUnitId: 'i-station', arbitrationUnitId: 'i-arbitration', courtUnitId: 'i-court' } : null),
      sendSms: async (req) => this.deliver([req]),
      sendSmsBatch: async (reqs) => this.deliver(reqs),
      // The real composition (activities/sms/fan-out.ts) over the test directory and the recording gateway.
      sendSmsFanOut: createSendSmsFanOut(
        async (posts) => posts.flatMap(({ unitId, roles }) => roles.flatMap((r) => this.directory[unitId]?.[r] ?? [])),
        async (reqs) => this.deliver(reqs),
      ),
      generateDocument: async (req) => {
        const known = this.documents.get(req.key);
        if (known) return known.result;
        const version = [...this.documents.values()].filter((d) => d.req.caseNo === req.caseNo && d.req.kind === req.kind).length + 1;
        const result = { id: this.documents.size + 1, version, sha256: `sha-${req.key}`, pages: 1, title: req.kind };
        this.documents.set(req.key, { req, result });
        return result;
      },
      loadCalendar: async () => {
        const days = [...this.calendar].sort(([a], [b]) => a.localeCompare(b));
        return {
          holidays: days.filter(([, rest]) => rest).map(([d]) => d), makeUpWorkdays: days.filter(([, rest]) => !rest).map(([d]) => d),
          version: days.map(([d, rest]) => `${d}:${rest ? 'R' : 'W'}`).join(',') || 'empty',
        };
      },
      listOpenCaseWorkflows: async ({ after, limit }) => [...this.cases.values()]
        .filter((c) => c.status !== 'closed').map((c) => String(c.workflowId)).sort().filter((id) => after === null || id > after).slice(0, limit),
      sendEmail: async (req) => {
        if (!this.emails.has(req.key)) this.emails.set(req.key, req);
        return { messageId: `<${req.key}@test>`, sentAt: new Date(0).toISOString() };
      },
      // the housekeeping deletes rows of Postgres: test/integration/housekeeping.test.ts runs it against the real thing
      purgeExpired: async () => { throw new Error('the housekeeping runs against Postgres, not the recording activities'); },
    };
    // The real composition (activities/sms/fan-out-after-transition.ts) over the two above.
    return { ...acts, persistThenFanOut: createPersistThenFanOut(acts.persistTransition, acts.sendSmsFanOut) };
  }

  private deliver(reqs: SmsRequest[]): SmsBatchResult {
    if (reqs.some((r) => this.gateway(r) === 'down')) {
      this.smsAttemptsRefused += 1;
      throw new Error('SMS gateway answered 503');
    }
    const rejected: RejectedSms[] = [];
    for (const r of reqs) {
      if (this.gateway(r) === 'reject') rejected.push({ key: r.key, role: r.to.role, name: r.to.name, reason: '号码被短信网关拒绝（HTTP 400）' });
      else this.record(r);
    }
    return { rejected };
  }

  private record(req: SmsRequest): void {
    if (this.sms.has(req.key)) return;
    this.sms.set(req.key, req);
    this.smsOrder.push(req);
  }
}
