/**
 * Closed grievances written straight into Postgres as the persistence activities leave them (cases + grievance_cases),
 * for "cases like mine": what is searched is what a closed case's rows hold, not how the workflow got there.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface PastCase {
  caseNo: string; category: string; description: string; outcome?: string; status?: string;
  name?: string; phone?: string; enterprise?: string; recoveredFen?: number | null; workerCount?: number;
}

export async function insertPastCases(db: Kysely<Database>, cases: PastCase[]): Promise<void> {
  const now = new Date();
  await db.insertInto('cases').values(cases.map((c) => ({
    case_no: c.caseNo, kind: 'grievance', workflow_id: `grievance-${c.caseNo}`, district_id: 'd-xihu', street_id: 's-beishan',
    enterprise_id: null, enterprise_name: c.enterprise ?? '西湖精密机械有限公司', status: c.status ?? 'closed', stage: 'closed',
    level: 'street', complainant_name: c.name ?? '王小明', complainant_phone: c.phone ?? '13912345678', claimed_fen: 0,
    worker_count: c.workerCount ?? 1, outcome: c.outcome ?? 'mediated', recovered_fen: c.recoveredFen ?? null, rating: null,
    rating_comment: null, enterprise_notified_at: null, created_at: now, updated_at: now,
  }))).execute();
  await db.insertInto('grievance_cases').values(cases.map((c) => ({ case_no: c.caseNo, category: c.category, description: c.description }))).execute();
}
