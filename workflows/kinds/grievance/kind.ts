/** The grievance as the registry knows it: its number, workflow, messages, labels, actions, page and rules. */
import type { CaseKindSpec } from '../kind-spec';
import { grievanceAccount } from './account';
import { grievanceActions } from './actions';
import { CATEGORY_LABELS, OUTCOME_LABELS, STAGE_LABELS, type ActionCommand, type GrievanceView, type Level, type Outcome, type Stage } from './model';
import { grievancePageModel } from './page';
import { grievanceMessages } from './messages';
import { allowedActions } from './rules';

export const grievanceKind: CaseKindSpec<GrievanceView, ActionCommand> = {
  kind: 'grievance',
  label: '工情诉求',
  prefix: 'GQ',
  workflowType: 'grievance',
  ...grievanceMessages,
  labels: {
    stages: STAGE_LABELS,
    outcomes: OUTCOME_LABELS,
    categories: CATEGORY_LABELS,
    sms: {
      'intake-notice': '受理通知（工会）', 'intake-receipt': '受理回执（职工）', 'enterprise-notice': '企业工会主席通知',
      'worker-taken': '承办通知（职工）', 'worker-outcome': '处理结果（职工）', 'worker-rate': '评价邀请（职工）',
    },
    level: (level) => (level === 'district' ? '区总工会（代访代办）' : '街道工会'),
  },
  actions: grievanceActions,
  page: { template: 'case', title: '案件', model: grievancePageModel },
  archivedView: ({ row, openTasks }) => ({
    caseNo: row.case_no, stage: row.stage as Stage, level: row.level as Level, status: row.status === 'closed' ? 'closed' : 'open',
    outcome: row.outcome as Outcome | null, recoveredFen: row.recovered_fen, rating: row.rating,
    enterpriseNotified: row.enterprise_notified_at !== null, completed: {},
    openTasks, openCoordination: [], districtId: row.district_id, streetId: row.street_id, archived: true,
  }),
  intake: { path: '/staff/grievances/new', label: '代职工登记', permission: 'grievance.file' },
  permissions: {
    'grievance.file': { label: '代职工登记诉求', roles: ['street_caseworker', 'street_chair', 'district_staff'] },
  },
  runsCase: () => false,
  // filled in by the registry (workflows/kinds/index.ts): temporal.config reads the environment, which a workflow cannot
  policyDefaults: {},
  tellsEnterprise: true,
  allowedActions,
  account: grievanceAccount,
};
