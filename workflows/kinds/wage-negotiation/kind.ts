/** The wage-negotiation round as the registry knows it: number WN…, the generic messages, labels, actions, page. */
import type { CaseKindSpec } from '../kind-spec';
import { wageAccount } from './account';
import { wageActions } from './actions';
import { archivedWageView } from './archived';
import { wageMessages } from './messages';
import { WAGE_OUTCOME_LABELS, WAGE_STAGE_LABELS, type WageCommand, type WageRoundView } from './model';
import { wagePageModel } from './page';
import { allowedWageActions } from './rules';

export const wageNegotiationKind: CaseKindSpec<WageRoundView, WageCommand> = {
  kind: 'wage_negotiation',
  label: '工资集体协商',
  prefix: 'WN',
  workflowType: 'wageNegotiation',
  ...wageMessages,
  labels: {
    stages: WAGE_STAGE_LABELS,
    outcomes: WAGE_OUTCOME_LABELS,
    categories: { wage_negotiation: '工资集体协商' },
    sms: {
      'wage-reminder': '协商启动提醒（企业工会）', 'wage-supervision': '“4+X”联合督导通知', 'wage-city-union': '提请市总工会协调',
      'wage-mentor-order': '协商导师服务订单', 'wage-effective': '集体合同生效通知',
    },
    level: () => '企业工会',
  },
  actions: wageActions,
  page: { template: 'wage-round', title: '工资集体协商', model: wagePageModel },
  archivedView: archivedWageView,
  intake: { path: '/staff/wage-plan', label: '年度工资集体协商计划', permission: 'wagePlan.edit' },
  permissions: {
    'wagePlan.edit': { label: '编制年度工资集体协商计划', roles: ['district_staff'] },
  },
  // The enterprise union runs its round, and sees its own parties (there are none but the two sides) in full.
  runsCase: (staff, view) => staff.role === 'enterprise_chair' && staff.unitId === view.unionUnitId,
  policyDefaults: {},
  tellsEnterprise: false,
  allowedActions: allowedWageActions,
  account: wageAccount,
};
