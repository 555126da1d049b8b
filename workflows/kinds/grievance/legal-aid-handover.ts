/** What a grievance hands to the legal-aid centre: its complainant as the worker, its enterprise as the debtor. Pure. */
import type { HandOver } from '../../legal-aid-handover';
import { CATEGORY_LABELS, type GrievanceInput } from './model';

export function legalAidHandOver({ intake }: GrievanceInput, payload: Record<string, unknown>): HandOver {
  return {
    source: 'grievance', districtId: intake.districtId, streetId: intake.streetId,
    dispute: intake.category === 'unpaid_wages' ? '拖欠工资' : CATEGORY_LABELS[intake.category] ?? '劳动争议',
    facts: intake.description,
    // The ID number is not asked of a grievance; the centre completes it with the worker before any document is made.
    workers: [{ partyNo: 1, name: intake.complainantName, phone: intake.complainantPhone, idNumber: '', claimedFen: intake.claimedFen }],
    debtors: [{
      partyNo: 2, name: intake.enterpriseName, enterpriseId: intake.enterpriseId, address: String(payload.employerAddress ?? '') || '（待补充）',
      representative: { role: '法定代表人', name: String(payload.employerRepresentative ?? '') || '（待补充）' },
    }],
  };
}
