/** The legal-aid case as the registry knows it: number LA…, the generic messages, labels, actions, page. */
import type { CaseKindSpec } from '../kind-spec';
import { legalAidAccount } from './account';
import { legalAidActions } from './actions';
import { archivedLegalAidView } from './archived';
import { legalAidMessages } from './messages';
import { LEGAL_AID_OUTCOME_LABELS, LEGAL_AID_STAGE_LABELS, type LegalAidCommand, type LegalAidView } from './model';
import { legalAidPageModel } from './page';
import { allowedLegalAidActions } from './rules';

export const legalAidKind: CaseKindSpec<LegalAidView, LegalAidCommand> = {
  kind: 'legal_aid',
  label: '法律援助',
  prefix: 'LA',
  workflowType: 'legalAid',
  ...legalAidMessages,
  labels: {
    stages: LEGAL_AID_STAGE_LABELS,
    outcomes: LEGAL_AID_OUTCOME_LABELS,
    categories: { legal_aid: '法律援助' },
    sms: { 'legal-aid-notice': '法律援助进度（职工）', 'legal-aid-assigned': '指派律师通知（律师）', 'legal-aid-clock': '程序期限提醒（律师、工作站）' },
    level: () => '工会法律援助工作站',
  },
  actions: legalAidActions,
  page: { template: 'legal-aid-case', title: '法律援助案件', model: legalAidPageModel },
  archivedView: archivedLegalAidView,
  intake: { path: '/staff/legal-aid/new', label: '登记法律援助申请', permission: 'legalAid.open' },
  permissions: {
    'legalAid.open': { label: '登记法律援助申请', roles: ['district_staff', 'court_clerk'] },
  },
  // The lawyer who accepted sees the workers in full through their grant by name (case-detail's byName); by unit alone
  // nobody runs a legal-aid case, or a colleague of the firm's unit who declined would see them unmasked.
  runsCase: () => false,
  policyDefaults: {},
  tellsEnterprise: false,
  allowedActions: allowedLegalAidActions,
  account: legalAidAccount,
};
