/** A few grievances so a new installation has something in every inbox; fixed keys make re-runs file nothing new. */
import type { GrievanceIntakeRequest as IntakeRequest } from '../../workflows/kinds/grievance/model';

export const DEMO_CASES: IntakeRequest[] = [
  {
    idempotencyKey: 'demo-case-bonus', complainantName: '王小明', complainantPhone: '13912345678', enterpriseId: 'e-jingmi',
    category: 'unpaid_wages', description: '公司拖欠2025年年终奖，多次向主管催要未果。', claimedFen: 860_000, workerCount: 1,
  },
  {
    idempotencyKey: 'demo-case-rider', complainantName: '陈师傅', complainantPhone: '13712345670', enterpriseId: 'e-kuaidi',
    category: 'high_temperature', description: '七八月份室外派送，气温超过35℃，公司未发放高温津贴。', claimedFen: 90_000, workerCount: 12,
  },
  {
    idempotencyKey: 'demo-case-nursing', complainantName: '刘女士', complainantPhone: '13612345671', enterpriseId: 'e-fangzhi',
    category: 'female_workers', description: '产假结束返岗后，车间不安排每天一小时哺乳时间。', claimedFen: 0, workerCount: 1,
  },
  {
    idempotencyKey: 'demo-case-site', complainantName: '赵师傅', complainantPhone: '13512345672', enterpriseName: '翠苑某装修工程队',
    streetId: 's-cuiyuan', category: 'unpaid_wages', description: '装修工地七名工人工资共计十七万元未结清，包工头失联。', claimedFen: 17_000_000, workerCount: 7,
  },
];
