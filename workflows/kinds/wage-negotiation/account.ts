/** The wage round in the supervisors' account: missed clocks and supervision stand out. Pure. */
import type { KindAccount } from '../account-spec';

export const wageAccount: KindAccount = {
  fanOut: ['wage-supervision'],
  events: {
    supervision_opened: { entry: 'deadline_missed', warn: true },
    answer_overdue: { entry: 'deadline_missed', warn: true },
    impasse: { warn: true, sms: 'wage-city-union' },
    start_reminded: { entry: 'escalation', sms: 'wage-reminder' },
    congress_rejected: { warn: true },
    hr_objection: { warn: true },
  },
  taskEnds: { reassigned: '（改由接单人或转派的人办理）', canceled: '（不再需要）' },
  engine: { started: '工资集体协商开始（工作流启动）' },
};
