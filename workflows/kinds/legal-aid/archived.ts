/**
 * A legal-aid case past the engine's retention, rebuilt from what Postgres kept: its row and its parties. The
 * proceedings, clocks and payments lived in the workflow (their events stay in the history); the page says the case is
 * archived and offers nothing.
 */
import type { ArchivedCase } from '../kind-spec';
import type { LegalAidOutcome, LegalAidStage, LegalAidView } from './model';

export function archivedLegalAidView({ row, openTasks, parties }: ArchivedCase<LegalAidView['openTasks'][number]>): LegalAidView {
  const createdAt = new Date(row.created_at).toISOString();
  return {
    kind: 'legal_aid', caseNo: row.case_no, stage: row.stage as LegalAidStage, status: row.status === 'closed' ? 'closed' : 'open',
    source: 'walk_in', parentCaseNo: null, courtRef: null, outcome: row.outcome as LegalAidOutcome | null, appliedAt: createdAt,
    dispute: '', facts: '',
    workers: parties.filter((p) => p.side === 'worker').map((p) => ({ partyNo: p.party_no, name: p.name, phone: p.phone ?? '', idNumber: p.id_number ?? '', claimedFen: p.claimed_fen })),
    debtors: parties.filter((p) => p.side === 'employer').map((p) => ({ partyNo: p.party_no, name: p.name, enterpriseId: p.enterprise_id, address: '', representative: { role: '法定代表人', name: '' } })),
    centreUnitId: row.district_id, places: { arbitrationUnitId: null, courtUnitId: null, procuratorateUnitId: null },
    meansTest: null, decision: null, decideBy: null, assignBy: null, assignments: [], lawyer: null, evidence: [], settlement: null, support: null,
    proceedings: [], clocks: [], plan: null, payments: [], resultAccepted: false, recoveredFen: row.recovered_fen ?? 0, delegated: null, documents: [],
    rating: row.rating, closingNote: null, runs: 0, asOf: createdAt, openTasks, districtId: row.district_id, streetId: row.street_id, archived: true,
  };
}
