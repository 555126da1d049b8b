/**
 * The 调解协议书 of the demo case (db/seed/demo-mediation.ts) as its workflow would make it once the station agreed the
 * claims in full, in three installments, and the paper copies were signed: the intake as openMediation builds it, the
 * document data from workflows/kinds/mediation/document-data.ts, identity numbers masked (it is published). Fixed
 * dates, so the same bytes every time. The sample page (scripts/render-sample-document.ts) and its test use it.
 */
import type { MediationAgreementData } from '../../activities/documents/types';
import { DEMO_MEDIATION } from '../../db/seed/demo-mediation';
import { DEMO_INSTITUTIONS, DEMO_STAFF } from '../../db/seed/demo-organisation';
import { agreementData } from '../../workflows/kinds/mediation/document-data';
import type { MediationIntake } from '../../workflows/kinds/mediation/model';
import { initialMediationState } from '../../workflows/kinds/mediation/state';

const CASE_NO = 'MA26DEMO0001';

export function demoAgreement(): { caseNo: string; workers: number; data: MediationAgreementData } {
  /** The demo intake as openMediation makes it (api/services/mediation-intake.ts), at fixed dates. */
  const req = DEMO_MEDIATION;
  const mediator = DEMO_STAFF.find((u) => u.username === 'xihu.tj')!;
  const station = DEMO_INSTITUTIONS.find((u) => u.unit_id === mediator.org_unit_id)!;
  const intake = {
    source: 'walk_in', parentCaseNo: null, referralNo: null, streetId: req.streetId, districtId: 'd-xihu', dispute: req.dispute,
    appliedAt: '2026-11-10T01:30:00Z', stationUnitId: station.unit_id, arbitrationUnitId: '', courtUnitId: '',
    employer: {
      partyNo: 1, name: req.employer.name, enterpriseId: req.employer.enterpriseId ?? null, creditCode: req.employer.creditCode, address: req.employer.address,
      representative: { role: '法定代表人', name: req.employer.representative, ...(req.employer.representativePosition ? { position: req.employer.representativePosition } : {}) },
      phone: req.employer.phone,
    },
    workers: req.workers.map((w, i) => ({ ...w, partyNo: i + 2 })),
    filedBy: { role: 'union_mediator', name: mediator.display_name },
  } as MediationIntake;
  const s = initialMediationState({ caseNo: CASE_NO, intake, policy: undefined as never });
  const total = intake.workers.reduce((t, w) => t + w.claimedFen, 0);
  s.agreement = {
    version: 1, draftedAt: '2026-11-20T02:00:00Z', confirmedBy: [1, ...intake.workers.map((w) => w.partyNo)], signedAt: '2026-11-21T03:00:00Z',
    terms: intake.workers.map((w) => ({ partyNo: w.partyNo, amountFen: w.claimedFen })), totalFen: total, paymentMethod: '以银行转账方式支付至各申请人本人银行账户',
    payment: { kind: 'installments', installments: [{ dueDate: '2026-12-20', amountFen: 120_000_000 }, { dueDate: '2027-01-20', amountFen: 120_000_000 }, { dueDate: '2027-02-26', amountFen: total - 240_000_000 }] },
    signature: { signedOn: '2026-11-21', signers: '全体申请人、被申请人、调解员', scan: { id: 1, sha256: '0'.repeat(64), contentType: 'application/pdf', size: 1 }, recordedBy: mediator.display_name, recordedAt: '2026-11-21T08:00:00Z' },
  };
  const data = agreementData({ intake, s, stationName: station.name, mediatorName: mediator.display_name, issuedOn: '2026-11-21', electionOptional: true }, false);
  return { caseNo: CASE_NO, workers: intake.workers.length, data };
}
