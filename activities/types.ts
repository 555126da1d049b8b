/** The contract between workflows and activities. Workflows import these types only, never the implementations. */
import type { LegalAidPolicy, WageNegotiationPolicy } from '../temporal.config';
import type { PlanFacts } from '../db/queries/wage-plans';
import type { Role } from '../workflows/shared/roles';
import type { GeneratedDocument, GenerateDocumentRequest } from './documents/types';
import type { EmailRequest, EmailResult } from './email/send-email';

export type { EmailRequest, EmailResult, GeneratedDocument, GenerateDocumentRequest };

export interface CaseEvent {
  key: string;
  seq: number;
  type: string;
  actor: string;
  actorRole: Role | 'system';
  summary: string;
  data: Record<string, unknown>;
  at: string;
}

export interface TaskSpec {
  taskId: string;
  kind: string;
  title: string;
  role: Role;
  unitId: string;
  department: string | null;
  /** set when a superior took the step over: then only this person acts on it */
  userId?: number | null;
  dueAt: string;
}

export interface NewCaseFacts {
  kind: string;
  workflowId: string;
  districtId: string;
  streetId: string;
  enterpriseId: string | null;
  enterpriseName: string;
  /** the kind's own facts (db/queries/case-facts.ts): a grievance's category and account, a mediation's dispute */
  category?: string;
  /** the headline party: the worker, or a group's summary */
  complainantName: string;
  complainantPhone: string;
  description?: string;
  claimedFen: number;
  workerCount: number;
  createdAt: string;
  /**
   * The first stage and level. Every kind should name them; a grievance started before it did is read as starting at
   * contact, in the street (what persistTransition assumes when they are missing).
   */
  stage?: string;
  level?: string;
  /**
   * The case that handed this one over (a grievance's station case, a legal-aid case from a mediation): recorded in
   * case_links. A mediation started before this field names its parent in its first event's data.parentCaseNo.
   */
  parentCaseNo?: string | null;
}

export interface PartyFacts {
  partyNo: number;
  side: 'worker' | 'employer';
  name: string;
  phone?: string | null;
  idNumber?: string | null;
  enterpriseId?: string | null;
  claimedFen?: number;
  agreedFen?: number | null;
}

export interface AccessGrant {
  unitId: string;
  role: Role;
  reason: 'assigned' | 'addressed';
  /**
   * Granted to this staff member alone (a lawyer assigned by name), not to every holder of the role in the unit; unit
   * and role say where they work. They see the case, their client unmasked; others of the unit see nothing.
   */
  userId?: number;
}

export interface CasePatch {
  status?: string;
  stage?: string;
  level?: string;
  outcome?: string | null;
  recoveredFen?: number | null;
  rating?: number | null;
  ratingComment?: string | null;
  enterpriseNotifiedAt?: string;
  /** a group's summary when its list of workers changes (mediation) */
  complainantName?: string;
  workerCount?: number;
  claimedFen?: number;
}

/** One transaction: everything a step changes in Postgres lands together or not at all; replays are no-ops. */
export interface Transition {
  caseNo: string;
  at: string;
  createCase?: NewCaseFacts;
  casePatch?: CasePatch;
  events?: CaseEvent[];
  openTask?: TaskSpec;
  closeTask?: { taskId: string; status: 'done' | 'cancelled' | 'reassigned' | 'overdue' };
  escalateTask?: { taskId: string; level: number };
  /** an open task's due time moved (the holiday calendar changed) */
  rescheduleTask?: { taskId: string; dueAt: string };
  /** the case's parties as they stand now (written by party number; a later write replaces an earlier one) */
  parties?: PartyFacts[];
  /** the case is now assigned or addressed to a unit outside the union's line, which may then see it */
  grantAccess?: AccessGrant[];
  /** a party's code was texted again: the wrong tries of that phone for that draft start again from none */
  forgetCodeTries?: { version: number; phone: string };
  /** these people's own grants on the case end (a reassigned lawyer stops seeing it); applied before grantAccess */
  revokeAccess?: { userId: number }[];
  /** who represents whom in this case (case_counsel), once per party and lawyer: later conflict checks read it */
  recordCounsel?: CounselFacts[];
  /** a wage round's own rows (wage_rounds, wage_offers, wage_posts, the plan it came from) */
  wage?: WageFacts;
}

/** A plan row due to open, with what its round's workflow starts from (WageRoundIntake less who opened it). */
export type DueWagePlan = PlanFacts;

/** What a wage round writes besides its case row (migration 016); each part keyed, so a retry writes nothing twice. */
export interface WageFacts {
  /** the round's row, written once with the case row; the plan row it came from is marked opened */
  round?: { enterpriseId: string; year: number; plannedStart: string; planId: number | null };
  /** dates of the round's stages as they happen (null: undone by an objection) */
  dates?: Partial<Record<'requested_at' | 'answered_at' | 'agreed_at' | 'signed_at' | 'filed_at' | 'effective_at' | 'published_at', string | null>>;
  offer?: { offerNo: number; side: 'union' | 'employer'; clauses: { item: string; terms: string }[]; note: string; madeAt: string };
  post?: { postNo: number; kind: 'suggestion' | 'comment'; text: string; phoneMasked: string; postedAt: string };
  removePost?: { postNo: number; by: string; reason: string };
  /** the agreed clauses as published on the 协商码 page */
  agreementText?: string;
}

/** A lawyer representing a party of the case: one of the union's (lawyerUserId) or the other side's. */
export interface CounselFacts {
  partyName: string;
  enterpriseId: string | null;
  side: 'worker' | 'employer';
  lawyerName: string;
  firm: string | null;
  lawyerUserId: number | null;
}

/** A party of a case as the conflict check sees it. */
export interface ConflictParty {
  name: string;
  enterpriseId: string | null;
  side: 'worker' | 'employer';
}

/**
 * Why a lawyer may not represent this case's workers: a party they declared (a relative, a former client), or another
 * case where they or their firm represented this case's employer, or the other side of one of its workers.
 */
export interface Conflict {
  source: 'declared_relative' | 'declared_former_client' | 'past_case';
  /** the party of this case it concerns */
  partyName: string;
  /** the other case (past_case only) */
  caseNo: string | null;
  /** zh-CN, for the staff who assign: 律师所在的浙江钱塘律师事务所曾在案件LA0000000001中代理杭州城建建筑工程有限公司 */
  detail: string;
}

export interface Contact {
  role: Role;
  name: string;
  phone: string;
  /** where e-mail reaches them, when they gave one (staff_users.email) */
  email?: string | null;
}

export interface SmsRequest {
  key: string;
  caseNo: string;
  template: string;
  to: Contact;
  vars: Record<string, string | number>;
  /**
   * A secret the text carries, filled in by the activity and stored masked: 'worker-link' is the worker's personal
   * link (derived from a server secret, so it never travels through the engine's history).
   */
  secret?: 'worker-link' | AgreementCodeSecret;
}

/** The agreement code of a party for a draft (filled in by the activity: the code and the page's address). */
export interface AgreementCodeSecret {
  agreementCode: { partyNo: number; version: number };
}

/** A message the gateway refused for good (a wrong or barred number): retrying cannot help, a person must act. */
export interface RejectedSms {
  key: string;
  role: Role;
  name: string;
  reason: string;
}

export interface SmsBatchResult {
  rejected: RejectedSms[];
}

/**
 * One text to the holders of posts (the primary holder of each role at each unit, looked up by the activity) and to
 * people named directly, sent as one batch. Each post's message is keyed `<keyPrefix>:<role>`, as the workflows keyed
 * it when they looked the contacts up themselves.
 */
export interface SmsFanOut {
  posts: { unitId: string; roles: Role[] }[];
  message: { keyPrefix: string; caseNo: string; template: string; vars: Record<string, string | number> };
  /** sent after the posts' messages, in the same batch (the worker's receipt) */
  direct: SmsRequest[];
}

/** A transition and, once it is written, a fan-out (the new case's row, then its intake texts): one local activity. */
export interface TransitionThenFanOut {
  transition: Transition;
  fanOut: SmsFanOut;
}

/** The fan-out's result, or why its one try failed (the transition is written either way; the workflow sends again). */
export type FanOutAfterTransition = { sent: SmsBatchResult } | { failed: string };

/** The holiday calendar as loaded from Postgres (YYYY-MM-DD, Asia/Shanghai); `version` changes whenever a day does. */
export interface CalendarData {
  holidays: string[];
  makeUpWorkdays: string[];
  version: string;
}

/** An arbitration institute, court, procuratorate or mediation station, and where its documents are e-mailed. */
export interface Institution {
  unitId: string;
  kind: 'arbitration' | 'court' | 'procuratorate' | 'mediation_station' | 'hr_bureau';
  name: string;
  email: string | null;
}

/** A legal-aid lawyer the union may assign by name: where they work, their firm and where their letters are e-mailed. */
export interface LegalAidSetup {
  places: { arbitrationUnitId: string | null; courtUnitId: string | null; procuratorateUnitId: string | null };
  policy: LegalAidPolicy;
}

export interface LawyerContact {
  userId: number;
  name: string;
  phone: string;
  unitId: string;
  role: 'legal_aid_lawyer';
  firm: string;
  email: string | null;
  /** false: the lawyer asked not to be offered new cases for now */
  acceptsCases: boolean;
}

/** The institutions a district's mediation cases go to (unit ids). */
export interface DistrictInstitutions {
  stationUnitId: string;
  arbitrationUnitId: string;
  courtUnitId: string;
}

/** What the housekeeping deletes as of `now`: phone codes are kept `phoneCodeDays` (the limits look back a day). */
export interface PurgeRequest {
  now: string;
  phoneCodeDays: number;
  /** wrong agreement-code tries untouched this long go too (those of closed cases at once) */
  triesDays: number;
}

export interface PurgeCounts {
  staffSessions: number;
  workerSessions: number;
  phoneCodes: number;
  agreementCodes: number;
  agreementCodeTries: number;
  /** guess-limit windows that have ended */
  guessCounts: number;
}

export interface CaseActivities {
  persistTransition(t: Transition): Promise<void>;
  findInstitution(q: { unitId: string }): Promise<Institution | null>;
  findDistrictInstitutions(q: { districtId: string }): Promise<DistrictInstitutions | null>;
  /** one contact per role (the unit's primary holder), in the order asked; roles nobody holds are left out */
  /** a unit's holders of these roles, or one named person (userId) */
  findContacts(q: { unitId?: string; userId?: number; roles: Role[]; department?: string | null }): Promise<Contact[]>;
  findEnterpriseChair(q: { enterpriseId: string }): Promise<Contact | null>;
  /** an active legal-aid lawyer with a profile; null for anyone else */
  findLawyer(q: { userId: number }): Promise<LawyerContact | null>;
  /** the legal-aid lawyers of the district and the units under it, by name */
  listLawyers(q: { districtId: string }): Promise<LawyerContact[]>;
  /** what stands in the way of assigning this lawyer to the case's parties, in a fixed order; none: the lawyer is clear */
  checkConflicts(q: { caseNo: string; lawyerUserId: number; parties: ConflictParty[] }): Promise<Conflict[]>;
  /** what a legal-aid case handed over from another kind needs: the district's institutions and the policy in force */
  legalAidSetup(q: { districtId: string }): Promise<LegalAidSetup | null>;
  /** the plan's rows not yet opened whose start is at most aheadDays from today, with the facts a round starts from */
  dueWagePlans(q: { today: string; aheadDays: number }): Promise<{ plans: DueWagePlan[]; policy: WageNegotiationPolicy }>;
  sendSms(req: SmsRequest): Promise<SmsBatchResult | void>;
  /**
   * Several recipients at once (the intake fan-out, an escalation rung); each message keeps its own idempotency key.
   * Resolves with the messages refused for good; histories from before it reported them resolve with nothing.
   */
  sendSmsBatch(reqs: SmsRequest[]): Promise<SmsBatchResult | void>;
  /** the contacts of the posts looked up and the whole fan-out sent in one activity (tried first as a local activity) */
  sendSmsFanOut(f: SmsFanOut): Promise<SmsBatchResult>;
  /** a transition written, then a fan-out tried once, in one local activity (the new case and its intake texts) */
  persistThenFanOut(r: TransitionThenFanOut): Promise<FanOutAfterTransition>;
  /** renders a legal document (templates/documents) to PDF and keeps it, one row per key; a new key is a new version */
  generateDocument(req: GenerateDocumentRequest): Promise<GeneratedDocument>;
  /** e-mails documents of the case (the arbitration institute, the court), one e-mail per key, ever */
  sendEmail(req: EmailRequest): Promise<EmailResult>;
  /** the holiday and make-up-workday calendar (calendar_days), for statutory deadlines */
  loadCalendar(): Promise<CalendarData>;
  /** open cases' workflow ids after `after`, in id order, for the calendar sweep */
  listOpenCaseWorkflows(q: { after: string | null; limit: number }): Promise<string[]>;
  /** the daily housekeeping: sessions, codes and tries that can prove nothing any more */
  purgeExpired(req: PurgeRequest): Promise<PurgeCounts>;
}
