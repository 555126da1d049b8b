/** Table types for Kysely: one place, mirrored by db/migrations. Times are timestamptz, money is fen (bigint→number). */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { NegotiationIndexTables } from './schema-negotiation-index';
import type { RiskTables } from './schema-risk';
import type { WageTables } from './schema-wage';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type OrgLevel = 'district' | 'street' | 'enterprise' | 'institution';

export interface OrgUnitTable {
  id: string;
  name: string;
  level: OrgLevel;
  parent_id: string | null;
}

export interface EnterpriseTable {
  id: string;
  name: string;
  street_id: string;
  union_unit_id: string | null;
  created_at: Generated<Date>;
}

export interface StaffUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_unit_id: string;
  phone: string;
  department: string | null;
  active: Generated<boolean>;
  /** where e-mail to this person goes ("4+X" supervision); migration 016 */
  email: string | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface WorkerSessionTable {
  token_hash: string;
  case_no: string;
  via: 'link' | 'code' | 'filing';
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface WorkerLinkTable {
  token_hash: string;
  case_no: string;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface PhoneCodeTable {
  id: Generated<number>;
  phone: string;
  purpose: 'file' | 'track';
  case_no: string | null;
  code_hash: string;
  client: string;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  consumed_at: Date | null;
  consumed_by: string | null;
}

export interface CaseTable {
  case_no: string;
  kind: string;
  workflow_id: string;
  district_id: string;
  street_id: string;
  enterprise_id: string | null;
  enterprise_name: string;
  status: string;
  stage: string;
  level: string;
  /** the headline party: the worker, or a group's summary ("陈某等43人") */
  complainant_name: string;
  complainant_phone: string | null;
  claimed_fen: number;
  worker_count: number;
  outcome: string | null;
  recovered_fen: number | null;
  rating: number | null;
  rating_comment: string | null;
  /** when the enterprise's union chair was told (a kind that tells it: the grievance); its scope sees the case from then */
  enterprise_notified_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** What only a grievance has (DOMAIN §1): its category and the worker's own account. */
export interface GrievanceCaseTable {
  case_no: string;
  category: string;
  description: string;
  /** tokens of the description for "cases like mine" (migration 018), computed by Postgres; never written */
  search?: ColumnType<string, never, never>;
}

/** What only a mediation has: what the dispute is about, in the station's words. */
export interface MediationCaseTable {
  case_no: string;
  dispute: string;
}

/** Cases that belong together: `linked_case_no` is `case_no`'s child (handed over by it) or merely related. */
export interface CaseLinkTable {
  case_no: string;
  linked_case_no: string;
  relation: 'child' | 'related';
  created_at: Timestamp;
}

export interface CaseEventTable {
  id: Generated<number>;
  event_key: string;
  case_no: string;
  seq: number;
  type: string;
  actor: string;
  actor_role: string;
  summary: string;
  data: Json<Record<string, unknown>>;
  at: Timestamp;
  prev_hash: string;
  hash: string;
}

export interface TaskTable {
  task_id: string;
  case_no: string;
  kind: string;
  title: string;
  assignee_role: string;
  org_unit_id: string;
  department: string | null;
  due_at: Timestamp;
  status: string;
  escalation_level: number;
  assignee_user_id: number | null;
  opened_at: Timestamp;
  closed_at: Date | null;
}

export interface SmsOutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  case_no: string | null;
  template: string;
  recipient_phone: string;
  recipient_name: string;
  recipient_role: string;
  body: string;
  status: string;
  attempts: number;
  last_error: string | null;
  /** what the adapter fills in at delivery (the stored body shows it masked): 'worker-link' */
  secret: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface DocumentTable {
  id: Generated<number>;
  /** workflow id + step + kind + version: a retried activity stores the same document once */
  idempotency_key: string;
  case_no: string;
  kind: string;
  version: number;
  /** the workflow step that made it */
  step: string;
  title: string;
  sha256: string;
  bytes: Buffer;
  pages: number;
  created_at: Generated<Date>;
  /** once set, bytes and hash are final (a database trigger refuses a change) */
  sent_at: Date | null;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  idempotency_key: string;
  case_no: string | null;
  recipient: string;
  recipient_name: string;
  subject: string;
  body: string;
  document_ids: ColumnType<number[], number[] | undefined, number[]>;
  status: string;
  message_id: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}

export interface Database extends WageTables, NegotiationIndexTables, RiskTables {
  org_units: OrgUnitTable;
  enterprises: EnterpriseTable;
  staff_users: StaffUserTable;
  sessions: SessionTable;
  worker_sessions: WorkerSessionTable;
  worker_links: WorkerLinkTable;
  phone_codes: PhoneCodeTable;
  cases: CaseTable;
  grievance_cases: GrievanceCaseTable;
  mediation_cases: MediationCaseTable;
  case_links: CaseLinkTable;
  case_events: CaseEventTable;
  tasks: TaskTable;
  sms_outbox: SmsOutboxTable;
  documents: DocumentTable;
  email_outbox: EmailOutboxTable;
  institutions: InstitutionTable;
  case_parties: CasePartyTable;
  case_access: CaseAccessTable;
  agreement_codes: AgreementCodeTable;
  agreement_code_tries: AgreementCodeTryTable;
  agreement_scans: AgreementScanTable;
  calendar_days: CalendarDayTable;
  lawyer_profiles: LawyerProfileTable;
  lawyer_declarations: LawyerDeclarationTable;
  case_counsel: CaseCounselTable;
  guess_counts: GuessCountTable;
  library_items: LibraryItemTable;
  library_item_edits: LibraryItemEditTable;
  saved_case_filters: SavedCaseFilterTable;
}

/** A staff member's own named filter of the case finder (issue 23, migration 023): the page's query string. */
export interface SavedCaseFilterTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  query: string;
  created_at: Generated<Date>;
}

/** One guess limit's count for one key (a digest of limit, address and target) in its current window. */
export interface GuessCountTable {
  key_hash: string;
  tries: number;
  window_ends: Timestamp;
}

export type InstitutionKind = 'arbitration' | 'court' | 'procuratorate' | 'mediation_station' | 'hr_bureau';

/** An arbitration institute, court, procuratorate or mediation station: an org unit its clerks belong to. */
export interface InstitutionTable {
  unit_id: string;
  kind: InstitutionKind;
  name: string;
  email: string | null;
  district_id: string | null;
}

/** One party of a case: each worker of a group dispute with their claim, and the employer. */
export interface CasePartyTable {
  id: Generated<number>;
  case_no: string;
  party_no: number;
  side: 'worker' | 'employer';
  name: string;
  phone: string | null;
  id_number: string | null;
  enterprise_id: string | null;
  claimed_fen: ColumnType<number, number | undefined, number>;
  agreed_fen: number | null;
  updated_at: Timestamp;
}

/** A scan of a mediation agreement signed and sealed on paper (migration 027); the workflow records its id and hash. */
export interface AgreementScanTable {
  id: Generated<number>;
  case_no: string;
  sha256: string;
  content_type: string;
  file_name: string;
  size: number;
  bytes: Buffer;
  uploaded_by: number;
  uploaded_at: Generated<Date>;
}

/** A party's one-time code for one draft of a mediation agreement (hash only); wrong tries are in agreement_code_tries. */
export interface AgreementCodeTable {
  case_no: string;
  party_no: number;
  version: number;
  phone: string;
  code_hash: string;
  created_at: Generated<Date>;
  used_at: Date | null;
}

/** Wrong agreement codes per case, draft and phone (a party's or not). */
export interface AgreementCodeTryTable {
  case_no: string;
  version: number;
  phone: string;
  failures: Generated<number>;
  last_at: Generated<Date>;
}

/**
 * A case assigned or addressed outside the union's line: to a role in a unit (a station's mediators, an institute's
 * clerks), or, with `user_id`, to that one person (a lawyer assigned by name; unit and role say where they worked).
 */
export interface CaseAccessTable {
  case_no: string;
  unit_id: string;
  role: string;
  user_id: number | null;
  reason: 'assigned' | 'addressed';
  granted_at: Timestamp;
}

/** A public holiday (rest) or a make-up working day (not rest) of mainland China; every other day follows the weekday. */
export interface CalendarDayTable {
  /** Asia/Shanghai calendar day; pg parses a date into a local-time Date, so db/queries/calendar.ts reads it with to_char */
  day: ColumnType<Date, string, string>;
  rest: boolean;
  note: ColumnType<string, string | undefined, string>;
  updated_at: Timestamp;
}

/** A legal-aid lawyer's firm and where their letters are e-mailed; `accepts_cases` false: not offered for new cases. */
export interface LawyerProfileTable {
  user_id: number;
  firm: string;
  email: string | null;
  accepts_cases: Generated<boolean>;
}

/** What a lawyer declared: a relative, or a former client (a person or an enterprise), who may not be an opponent. */
export interface LawyerDeclarationTable {
  id: Generated<number>;
  user_id: number;
  kind: 'relative' | 'former_client';
  name: string;
  enterprise_id: string | null;
  relation: string | null;
  declared_at: Timestamp;
}

/** Who represented whom in which case: a lawyer (one of ours, `lawyer_user_id`, or another firm's) for a party. */
export interface CaseCounselTable {
  id: Generated<number>;
  case_no: string;
  party_name: string;
  enterprise_id: string | null;
  side: 'worker' | 'employer';
  lawyer_name: string;
  firm: string | null;
  lawyer_user_id: number | null;
  recorded_at: Timestamp;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type TaskRow = Selectable<TaskTable>;
export type SmsRow = Selectable<SmsOutboxTable>;
export type StaffUser = Selectable<StaffUserTable>;

export type LibraryKind = 'guide' | 'statute' | 'case';

/** An item of the workers' law & case library (issue 23): a plain guide, a paraphrased statute article or a typical case. */
export interface LibraryItemTable {
  id: Generated<number>;
  /** stable address of the item's page: /library/<slug> */
  slug: string;
  kind: LibraryKind;
  /** one of LIBRARY_TOPICS (db/seed/library-topics.ts) */
  topic: string;
  title: string;
  /** the law's name and article, for statutes (劳动法 / 第四十四条); cases and guides may cite one too */
  law: string | null;
  article: string | null;
  summary: string;
  body: string;
  /** words a worker may search by that the text does not use (双胞胎, 三倍工资) */
  keywords: Generated<string>;
  published: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  /** the username of the last editor; null for items the seed loaded */
  updated_by: string | null;
  /** the weighted Chinese tokens (migration 018), computed by Postgres; never written */
  search: ColumnType<string, never, never>;
}

export interface LibraryItemEditTable {
  id: Generated<number>;
  item_id: number;
  action: 'created' | 'edited' | 'unpublished' | 'republished';
  editor_id: number;
  editor_name: string;
  changes: Json<Record<string, [unknown, unknown]>>;
  at: Generated<Date>;
}
