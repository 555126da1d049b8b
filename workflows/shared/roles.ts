/** Everyone who touches a case (DOMAIN.md, Organisation). `worker` is the complainant and never logs in as staff. */
export const ROLE_LABELS = {
  worker: '职工',
  street_caseworker: '社会化工会工作者',
  street_chair: '街道工会主席',
  district_staff: '区总工会权益保障部',
  supervising_leader: '分管领导',
  district_chair: '区总工会主席',
  enterprise_chair: '企业工会主席',
  union_mediator: '工会调解员',
  legal_aid_lawyer: '法律援助律师',
  arbitration_clerk: '劳动人事争议仲裁院',
  court_clerk: '人民法院',
  procurator: '检察院',
  negotiation_mentor: '协商导师',
  partner_department: '协作部门',
  /** reads the district's cases, their history and the lists, and does nothing (issue 23) */
  auditor: '审计（只读）',
  /** the employer as a party of a mediation (its representative confirms by a code sent to their phone) */
  employer: '用人单位',
} as const;

export type Role = keyof typeof ROLE_LABELS;
export type StaffRole = Exclude<Role, 'worker' | 'employer'>;

/** Who acts on a case: a staff user (with their unit) or the complainant, proven by their personal link or a code. */
export interface Actor {
  role: Role;
  name: string;
  userId?: number;
  /** the staff member's unit: with the role, what makes them a step's assignee */
  unitId?: string;
  department?: string | null;
}
