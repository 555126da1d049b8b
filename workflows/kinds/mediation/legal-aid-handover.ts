/** What a mediation hands to the legal-aid centre as it transfers to arbitration: its workers, its employer. Pure. */
import type { HandOver } from '../../legal-aid-handover';
import type { MediationIntake } from './model';
import type { MediationState } from './state';

export function mediationHandOver(intake: MediationIntake, s: MediationState): HandOver {
  const e = s.employer;
  return {
    source: 'mediation', districtId: intake.districtId, streetId: intake.streetId, dispute: intake.dispute,
    facts: `${e.name}与${s.workers.length}名职工${intake.dispute}纠纷，经调解站调解未达成协议，转入仲裁；职工申请工会律师代理。${s.legalAid?.note ?? ''}`,
    workers: s.workers.map((w, i) => ({ partyNo: i + 1, name: w.name, phone: w.phone, idNumber: w.idNumber, claimedFen: w.claimedFen })),
    debtors: [{ partyNo: s.workers.length + 1, name: e.name, enterpriseId: e.enterpriseId, creditCode: e.creditCode, address: e.address, representative: { role: e.representative.role, name: e.representative.name } }],
  };
}
