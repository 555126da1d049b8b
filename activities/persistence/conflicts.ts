/**
 * The conflict check before a legal-aid lawyer is assigned (法律援助: a lawyer may not act against a relative or a
 * former client, nor for the workers against an employer their firm has represented). It reads what the lawyer
 * declared and who represented whom in other cases (case_counsel); it reports, the staff decide.
 */
import type { Kysely } from 'kysely';
import { counselOfOtherCases, declarationsOf, lawyerForConflicts, workersOfCases } from '../../db/queries/lawyer-conflicts';
import type { Database } from '../../db/schema';
import type { Conflict, ConflictParty } from '../types';

const SIDE = { worker: '职工方', employer: '用人单位方' } as const;
const ORDER: Record<Conflict['source'], number> = { declared_relative: 0, declared_former_client: 1, past_case: 2 };

/** Fixed order (source, other case, party, detail) and each conflict once, so a retried check answers the same. */
function ordered(found: Conflict[]): Conflict[] {
  const seen = new Set<string>();
  return found
    .sort((a, b) => ORDER[a.source] - ORDER[b.source] || (a.caseNo ?? '').localeCompare(b.caseNo ?? '')
      || a.partyName.localeCompare(b.partyName) || a.detail.localeCompare(b.detail))
    .filter((c) => {
      const key = JSON.stringify(c);
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

export function createConflictCheck(db: Kysely<Database>) {
  return {
    async checkConflicts(q: { caseNo: string; lawyerUserId: number; parties: ConflictParty[] }): Promise<Conflict[]> {
      const lawyer = await lawyerForConflicts(db, q.lawyerUserId);
      if (!lawyer) return [];
      const found: Conflict[] = [];
      const employers = q.parties.filter((p) => p.side === 'employer');
      const workers = q.parties.filter((p) => p.side === 'worker');
      const isEmployer = (name: string, enterpriseId: string | null) =>
        employers.filter((p) => p.name === name || (p.enterpriseId !== null && p.enterpriseId === enterpriseId));

      for (const d of await declarationsOf(db, q.lawyerUserId)) {
        const matches = q.parties.filter((p) => p.name === d.name || (p.side === 'employer' && p.enterpriseId !== null && p.enterpriseId === d.enterprise_id));
        for (const p of matches) {
          found.push(d.kind === 'relative'
            ? { source: 'declared_relative', partyName: p.name, caseNo: null, detail: `律师申报的亲属${d.name}${d.relation ? `（${d.relation}）` : ''}是本案${SIDE[p.side]}当事人` }
            : { source: 'declared_former_client', partyName: p.name, caseNo: null, detail: `律师申报的曾代理当事人${d.name}是本案${SIDE[p.side]}当事人` });
        }
      }

      const rows = await counselOfOtherCases(db, {
        caseNo: q.caseNo, userId: lawyer.id, lawyerName: lawyer.display_name, firm: lawyer.firm,
        enterpriseIds: employers.flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : [])),
        partyNames: employers.map((p) => p.name), workerNames: workers.map((p) => p.name),
      });
      const opposed = await workersOfCases(db, [...new Set(rows.filter((r) => r.side === 'employer').map((r) => r.case_no))], workers.map((p) => p.name));
      for (const r of rows) {
        const himself = r.lawyer_user_id === lawyer.id || r.lawyer_name === lawyer.display_name;
        const who = himself ? '该律师' : `律师所在的${r.firm}`;
        for (const p of isEmployer(r.party_name, r.enterprise_id)) {
          found.push({ source: 'past_case', partyName: p.name, caseNo: r.case_no, detail: `${who}曾在案件${r.case_no}中代理${r.party_name}` });
        }
        if (r.side !== 'employer') continue;
        for (const w of opposed.filter((o) => o.case_no === r.case_no)) {
          found.push({ source: 'past_case', partyName: w.name, caseNo: r.case_no, detail: `${who}曾在案件${r.case_no}中代理${r.party_name}，对方为本案职工${w.name}` });
        }
      }
      return ordered(found);
    },
  };
}
