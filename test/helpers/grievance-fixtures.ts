import { defaultGrievancePolicy, type GrievancePolicy } from '../../temporal.config';
import type { ActionCommand, GrievanceInput } from '../../workflows/kinds/grievance/model';
import type { Actor } from '../../workflows/shared/roles';

let n = 0;
export function grievanceInput(policy: Partial<GrievancePolicy> = {}): GrievanceInput {
  n += 1;
  return {
    caseNo: `T${process.pid}${Date.now().toString(36)}${n}`.toUpperCase(),
    intake: {
      complainantName: '张三', complainantPhone: '13812345678', enterpriseId: 'e-1', enterpriseName: '西湖精密机械有限公司',
      districtId: 'd-1', streetId: 's-1', category: 'unpaid_wages', description: '年终奖未发放', claimedFen: 1_200_000,
      workerCount: 1, filedBy: { role: 'worker', name: '张三' },
    },
    // No night-time quiet unless a test asks for it: the test server's clock starts at whatever hour it is.
    policy: { ...defaultGrievancePolicy, quietHours: null, ...policy },
  };
}

export const caseworker = { role: 'street_caseworker' as const, name: '李社工', userId: 1, unitId: 's-1' };
export const streetChair = { role: 'street_chair' as const, name: '街道主席', userId: 2, unitId: 's-1' };
export const districtStaff = { role: 'district_staff' as const, name: '区权保部', userId: 3, unitId: 'd-1' };
export const worker = { role: 'worker' as const, name: '张三' };

/** Contact, an early notice to the enterprise, verification and urging: the case then waits in its outcome step. */
export async function toOutcomeStep(act: (cmd: ActionCommand) => Promise<unknown>, by: Actor = caseworker): Promise<void> {
  await act({ action: 'contactComplainant', actor: by, payload: { note: '已联系' } });
  await act({ action: 'notifyEnterpriseNow', actor: by, payload: { reason: '职工同意' } });
  await act({ action: 'verifyWithEnterprise', actor: by, payload: { note: '已核实' } });
  await act({ action: 'urgeMediation', actor: by, payload: { note: '已督促' } });
}
