/**
 * Every address, queue, duration and threshold the workflows use. Durations are handed to workflows as input
 * (GrievancePolicy), so tests and policy change them without touching workflow code. Statute beside each default.
 */
import { parseQuietHours, type QuietHours } from './workflows/shared/quiet-hours';
import type { StaffRole } from './workflows/shared/roles';
import type { RiskWarningPolicy } from './workflows/risk-warning/grade';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const temporalConfig = {
  // Getters, so a test or a second deployment can point one process at its own server or queue before connecting.
  get address() { return process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233'; },
  get namespace() { return process.env.TEMPORAL_NAMESPACE ?? 'default'; },
  get taskQueue() { return process.env.GONGQING_TASK_QUEUE ?? 'gongqing-cases'; },
  worker: {
    maxConcurrentWorkflowTaskExecutions: Number(process.env.GONGQING_WF_CONCURRENCY ?? 40),
    maxConcurrentActivityTaskExecutions: Number(process.env.GONGQING_ACT_CONCURRENCY ?? 100),
    // A resting case waits hours for its next task (a timer, a caseworker), long after any cache would have let it go;
    // the cache serves the cases being worked on now. The SDK core's own work per workflow task grows with the number
    // cached (bench/, intake at 40/s past a full cache: its thread 2.0 ms per case at 2,000, 0.7 at 500, 0.5 at 250).
    maxCachedWorkflows: Number(process.env.GONGQING_WF_CACHE ?? 250),
    // Every new case's first task comes on the task queue itself, later ones on the worker's sticky queue. A case does
    // all its intake in that first task, so most pollers wait there: with the SDK's 0.2 (2 of 10 pollers) a new case's
    // first task now and then waited ~2 s for one (in most bench steps from 36 req/s up; 0.8: none over 0.7 s).
    ...(process.env.GONGQING_WF_POLLS ? { maxConcurrentWorkflowTaskPolls: Number(process.env.GONGQING_WF_POLLS) } : {}),
    nonStickyToStickyPollRatio: Number(process.env.GONGQING_NONSTICKY_RATIO ?? 0.8),
  },
};

/** A rung of the escalation ladder walked after a human step's due time passes. */
/**
 * Who a rung of an escalation ladder tells, as data: the step's own assignee; any role at the case's street or
 * district (the two named ones are the grievance's ladder from before targets were data, and keep their meaning); or
 * one named person (a lawyer assigned by name, a mentor who took the order).
 */
export type RungTarget =
  | 'assignee' | 'street_chair' | 'district_staff'
  | { role: StaffRole; at: 'street' | 'district' }
  | { userId: number; role: StaffRole };

export interface EscalationRung {
  /** who is told: the step's own assignee, someone above, or a named person */
  notify: RungTarget;
  /** how long after the previous point (due time or earlier rung) this rung fires */
  after: number;
}

export interface GrievancePolicy {
  /** DOMAIN §1: the enterprise union chair learns of the complaint later on purpose (Xihu 工情码: 12 hours). */
  enterpriseNoticeDelay: number;
  /** the street caseworker phones the complainant (Wuyi 四有 "有时限"; local policy, not statute) */
  contactDue: number;
  /** verification with the enterprise union chair (local policy) */
  verifyDue: number;
  /** urging the enterprise mediation committee to take the case up (local policy) */
  urgeDue: number;
  /**
   * Mediation limit, in calendar days counted from the day after urging: 劳动争议调解仲裁法 Art. 14 — no agreement within
   * 15 days lets the parties apply for arbitration. A last day on a public holiday runs to the next working day
   * (民事诉讼法 Art. 85).
   */
  mediationDays: number;
  /** follow-up visit (回访) after mediation or after arbitration/court began (local policy) */
  followUpDue: number;
  /** how long the worker may rate the handling (有评判) before the case closes unrated */
  ratingWindow: number;
  /**
   * A rating of this or lower becomes a review task for the street's union chair, due within ratingReviewDue (issue 23,
   * local policy). Absent in the input of cases started before it existed.
   */
  lowRating?: number;
  ratingReviewDue?: number;
  /** a coordination task for a partner department (协调联动) */
  coordinationDue: number;
  escalation: EscalationRung[];
  /**
   * Reminder SMS of the escalation ladder wait for the end of these hours (Asia/Shanghai; local policy): a rung due at
   * night is recorded at once and texted in the morning. Absent in the input of cases started before it existed.
   */
  quietHours?: QuietHours | null;
}

export const defaultGrievancePolicy: GrievancePolicy = {
  enterpriseNoticeDelay: 12 * HOUR,
  contactDue: 24 * HOUR,
  verifyDue: 2 * DAY,
  urgeDue: 3 * DAY,
  mediationDays: 15,
  followUpDue: 7 * DAY,
  ratingWindow: 15 * DAY,
  lowRating: 2,
  ratingReviewDue: 3 * DAY,
  coordinationDue: 5 * DAY,
  escalation: [
    { notify: 'assignee', after: 0 },
    { notify: 'street_chair', after: 4 * HOUR },
    { notify: 'district_staff', after: 8 * HOUR },
  ],
  // GONGQING_QUIET_HOURS="22:00-08:00" (the default) or "" for none.
  quietHours: parseQuietHours(process.env.GONGQING_QUIET_HOURS ?? '22:00-08:00'),
};

/** The mediation → arbitration handoff (DOMAIN §3, 厦门调解站). */
export interface MediationPolicy {
  /**
   * 劳动争议调解仲裁法 Art. 14: no agreement within 15 days of the station receiving the application → the parties may
   * apply for arbitration; the station transfers the case. Counted as statutory periods are (the day of receipt not
   * counted, a last day on a rest day runs to the next working day: 民事诉讼法 Art. 85).
   */
  mediationDays: number;
  /** the mediator submits a signed agreement for arbitration review (仲裁审查确认; local policy) */
  submitDue: number;
  /** the institute's clerk answers a review request or receives a transferred case (local policy) */
  reviewDue: number;
  /**
   * 劳动人事争议仲裁办案规则 (2017) Art. 74: the parties apply jointly for review within 15 days of the agreement taking
   * effect, counted on the holiday calendar; the mediator is warned `reviewApplicationWarning` before it ends, and a miss
   * is recorded. Absent in cases started before the clock was kept (then 15 days and 3 days).
   */
  reviewApplicationDays?: number;
  reviewApplicationWarning?: number;
  /** a rejected review sends the case back to mediation for this long before it is transferred (local policy) */
  remediationDue: number;
  /** the employer and the mediator are reminded this long before each installment is due */
  installmentReminderLead: number;
  /** a missed installment may still be paid within this grace before enforcement is applied for (local policy) */
  installmentGrace: number;
  /** the mediator's ladder; the mediation step itself has none: missing it transfers the case */
  escalation: EscalationRung[];
  /**
   * Steps with a ladder of their own: an institute's clerk is outside the union's line, so nobody above them is told;
   * they are reminded at the due time and again two days later (each reminder an event the supervisors read).
   */
  ladders?: Partial<Record<'review' | 'receiveTransfer' | 'receiveEnforcement', EscalationRung[]>>;
  quietHours?: QuietHours | null;
  /** on transfer, warn when fewer days than this are left of the one-year limitation (Art. 27); absent in older cases */
  limitationWarnDays?: number;
}

export const defaultMediationPolicy: MediationPolicy = {
  mediationDays: 15,
  submitDue: 3 * DAY,
  reviewDue: 5 * DAY,
  reviewApplicationDays: 15,
  reviewApplicationWarning: 3 * DAY,
  remediationDue: 5 * DAY,
  installmentReminderLead: 3 * DAY,
  installmentGrace: 5 * DAY,
  escalation: [
    { notify: 'assignee', after: 0 },
    { notify: 'district_staff', after: DAY },
  ],
  ladders: Object.fromEntries((['review', 'receiveTransfer', 'receiveEnforcement'] as const).map((step) => [step, [
    { notify: 'assignee', after: 0 },
    { notify: 'assignee', after: 2 * DAY },
  ]])),
  quietHours: parseQuietHours(process.env.GONGQING_QUIET_HOURS ?? '22:00-08:00'),
  limitationWarnDays: 60,
};

/** The legal-aid case (DOMAIN §4; 法律援助法, 劳动争议调解仲裁法, 民事诉讼法). Periods in days unless said. */
export interface LegalAidPolicy {
  /** 法律援助法 Art. 43: decide on an application within 7 days, assign a lawyer within 3 days of deciding */
  decideDays: number;
  assignDays: number;
  /** the assigned lawyer accepts within this (local policy); missed, the centre assigns again */
  acceptDue: number;
  /** the procurator answers a request to support the suit (local policy) */
  supportDue: number;
  /** a court-delegated pre-litigation mediation lasts this many days (诉前调解, local practice: 30 days) */
  delegatedMediationDays: number;
  /** the lawyer and a supervisor are warned this long before a procedural clock runs out */
  clockWarning: number;
  /** the lawyer records a filed proceeding's acceptance, or a court's clerk confirms receipt (local policy) */
  followUpDue: number;
  /** the worker rates the case within this */
  ratingWindow: number;
  /**
   * A case continues as new between stages once its history is this long, well before Temporal's own limits
   * (51,200 events): a year-long case with many payments and reminders stays small.
   */
  historyLimit: number;
  escalation: EscalationRung[];
  quietHours?: QuietHours | null;
}

export const defaultLegalAidPolicy: LegalAidPolicy = {
  decideDays: 7,
  assignDays: 3,
  acceptDue: 2 * DAY,
  supportDue: 15 * DAY,
  delegatedMediationDays: 30,
  clockWarning: 3 * DAY,
  followUpDue: 10 * DAY,
  ratingWindow: 7 * DAY,
  historyLimit: 10_000,
  escalation: [
    { notify: 'assignee', after: 0 },
    { notify: 'district_staff', after: DAY },
  ],
  quietHours: parseQuietHours(process.env.GONGQING_QUIET_HOURS ?? '22:00-08:00'),
};

/**
 * The wage-negotiation round (DOMAIN §5; 集体合同规定). Periods in days are statutory days on the holiday calendar
 * (the last day on a rest day runs to the next working day); others are plain durations.
 */
export interface WageNegotiationPolicy {
  /** the enterprise union chair is reminded this long before the planned start (local practice) */
  remindBefore: number;
  /** each "4+X" supervisor records what it did within this (local practice) */
  supervisionDue: number;
  /** 集体合同规定 Art. 32: the other side answers a written request to negotiate within 20 days */
  answerDays: number;
  /** an impasse brings the city union in: this many union proposals without agreement, or this long since the first */
  impasseRounds: number;
  impasseAfter: number;
  /** 集体合同规定 Art. 42: the signed contract is filed with HR & social security within 10 days */
  filingDays: number;
  /** 集体合同规定 Art. 47: no objection within 15 days of receipt, and the contract takes effect */
  objectionDays: number;
  /** a mentor takes a requested order, staff arrange training, within this (local practice) */
  serviceDue: number;
  /** the congress votes on an agreed draft, and the two sides sign a passed one, within this (local practice) */
  stepDue: number;
  escalation: EscalationRung[];
  quietHours?: QuietHours | null;
}

export const defaultWageNegotiationPolicy: WageNegotiationPolicy = {
  remindBefore: 7 * DAY,
  supervisionDue: 10 * DAY,
  answerDays: 20,
  impasseRounds: 5,
  impasseAfter: 60 * DAY,
  filingDays: 10,
  objectionDays: 15,
  serviceDue: 5 * DAY,
  stepDue: 30 * DAY,
  escalation: [
    { notify: 'assignee', after: 0 },
    { notify: 'district_staff', after: 2 * DAY },
  ],
  quietHours: parseQuietHours(process.env.GONGQING_QUIET_HOURS ?? '22:00-08:00'),
};

/** The schedule that opens the planned rounds (workflows/wage-plan-opener.ts): daily, and how far ahead it looks. */
export const wagePlanConfig = {
  hour: 6,
  minute: 5,
  /** a round opens this many days before its planned start, so the reminder and the clocks have room */
  openAheadDays: 30,
};

/**
 * The daily housekeeping (workflows/housekeeping.ts, a Temporal schedule the web process makes sure of): when it runs,
 * Asia/Shanghai wall-clock, and how long one-time phone codes are kept (every limit on them looks back one day).
 */
export const housekeepingConfig = {
  hour: 3,
  minute: 17,
  phoneCodeDays: 7,
  /** wrong agreement-code tries left untouched this long (a case number that never existed, a superseded draft) */
  triesDays: 30,
};

/**
 * Red / yellow / blue early warning (DOMAIN §2, Xihu's 风险隐患码上防): when the daily recomputation runs, and the
 * grading. Xihu publishes the three colours and what each asks for, not its numbers; these defaults are local practice
 * as we set it for a district of this size (a street sees a few complaints a quarter, an enterprise rarely more than
 * one), to be replaced by the district's own policy. A quarter (90 days) is the window, the period of the district's
 * quarterly labour-relations review. docs/risk-warning.md lists them.
 */
export const riskWarningConfig = {
  hour: 4,
  minute: 40,
  policy: {
    windowDays: 90,
    street: { blue: 3, yellow: 6, red: 10 },
    enterprise: { blue: 2, yellow: 3, red: 5 },
    dueDays: { visit: 30, talk: 7, inspect: 15 },
    inspectDepartment: '人社局',
  } satisfies RiskWarningPolicy,
};

export const durations = { MINUTE, HOUR, DAY };
