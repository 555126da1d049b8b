/** A staff action posted from the case page: form text → the command's payload. */
import type { ActionPayloads } from '../../../workflows/kinds/grievance/model';
import type { StaffActionName } from '../../schemas/grievance';
import { blankToUndefined, yuanToFen } from '../public/forms';
import { badRequest } from '../../errors';

export function payloadFromForm(action: StaffActionName, raw: Record<string, string>): ActionPayloads[StaffActionName] {
  const f = blankToUndefined(raw ?? {}) as Record<string, string | undefined>;
  for (const [k, v] of Object.entries(f)) if (typeof v !== 'string') throw badRequest(`字段“${k}”格式不正确`);
  switch (action) {
    case 'recordOutcome': {
      const recoveredFen = f.recoveredYuan === undefined ? undefined : yuanToFen(f.recoveredYuan);
      if (f.recoveredYuan !== undefined && recoveredFen === undefined) throw badRequest('追回金额格式不正确（元，最多两位小数）');
      return {
        outcome: f.outcome as never, recoveredFen, explanation: f.explanation, note: f.note,
        employerRepresentative: f.employerRepresentative, employerPhone: f.employerPhone, employerAddress: f.employerAddress,
      };
    }
    case 'handUp': case 'withdraw': case 'takeOver': case 'notifyEnterpriseNow': return { reason: f.reason ?? '' };
    case 'openCoordination': return { department: f.department ?? '', note: f.note ?? '' };
    case 'completeCoordination': return { taskId: f.taskId ?? '', note: f.note ?? '' };
    default: return { note: f.note ?? '' };
  }
}
