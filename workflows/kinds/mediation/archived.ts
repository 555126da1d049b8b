/**
 * A mediation case past the engine's retention, rebuilt from what Postgres kept: its row and its parties. Sessions,
 * the agreement's terms and installments lived in the workflow; the page says the case is archived and offers nothing.
 */
import type { ArchivedCase } from '../kind-spec';
import type { MediationOutcome, MediationStage, MediationView } from './model';

export function archivedMediationView({ row, openTasks, parties }: ArchivedCase<MediationView['openTasks'][number]>): MediationView {
  const employer = parties.find((p) => p.side === 'employer');
  const createdAt = new Date(row.created_at).toISOString();
  return {
    kind: 'mediation', caseNo: row.case_no, stage: row.stage as MediationStage, status: row.status === 'closed' ? 'closed' : 'open',
    source: 'walk_in', parentCaseNo: null, outcome: row.outcome as MediationOutcome | null, appliedAt: createdAt, mediationDeadline: null,
    employer: {
      partyNo: employer?.party_no ?? 1, name: employer?.name ?? row.enterprise_name, enterpriseId: employer?.enterprise_id ?? row.enterprise_id,
      address: '', representative: { role: '法定代表人', name: '' }, phone: employer?.phone ?? '',
    },
    workers: parties.filter((p) => p.side === 'worker').map((p) => ({
      partyNo: p.party_no, name: p.name, phone: p.phone ?? '', idNumber: p.id_number ?? '', claimedFen: p.claimed_fen,
    })),
    representatives: null, sessions: [], agreement: null, review: null, reviewRejection: null, installments: [], documents: [],
    asOf: createdAt, places: { stationUnitId: '', arbitrationUnitId: '', courtUnitId: '' },
    openTasks, districtId: row.district_id, streetId: row.street_id, archived: true,
  };
}
