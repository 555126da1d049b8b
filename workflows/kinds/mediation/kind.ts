/** The mediation → arbitration handoff as the registry knows it: number MA…, the generic messages, labels, actions, page. */
import type { CaseKindSpec } from '../kind-spec';
import { mediationAccount } from './account';
import { mediationActions } from './actions';
import { archivedMediationView } from './archived';
import { MEDIATION_OUTCOME_LABELS, MEDIATION_STAGE_LABELS, type MediationCommand, type MediationView } from './model';
import { mediationPageModel } from './page';
import { mediationMessages } from './messages';
import { allowedMediationActions } from './rules';

export const mediationKind: CaseKindSpec<MediationView, MediationCommand> = {
  kind: 'mediation',
  label: '劳动争议调解',
  prefix: 'MA',
  workflowType: 'mediationArbitration',
  ...mediationMessages,
  labels: {
    stages: MEDIATION_STAGE_LABELS,
    outcomes: MEDIATION_OUTCOME_LABELS,
    // the case row's category: every mediation is one, whatever the dispute (the dispute itself is in its description)
    categories: { mediation: '劳动争议调解' },
    sms: {
      'agreement-confirm': '调解协议确认码（当事人）', 'review-confirmed': '调解书出具（当事人）', 'mediation-transferred': '转入仲裁（当事人）',
      'installment-reminder': '付款提醒', 'installment-missed': '逾期未付通知', 'enforcement-filed': '申请强制执行（职工）',
    },
    level: () => '劳动争议调解站',
  },
  actions: mediationActions,
  page: { template: 'mediation-case', title: '调解案件', model: mediationPageModel },
  archivedView: archivedMediationView,
  intake: { path: '/staff/mediations/new', label: '登记调解案件', permission: 'mediation.open' },
  permissions: {
    'mediation.open': { label: '登记调解案件', roles: ['union_mediator', 'arbitration_clerk'] },
  },
  // The station's mediator runs a mediation case: for it they are not an outsider.
  runsCase: (staff, view) => staff.role === 'union_mediator' && view.places?.stationUnitId === staff.unitId,
  policyDefaults: {},
  tellsEnterprise: false,
  allowedActions: allowedMediationActions,
  account: mediationAccount,
};
