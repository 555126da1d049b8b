/**
 * A wage round past the engine's retention, rebuilt from its case row: the offers and posts stay in Postgres (the
 * 协商码 page reads them there) and the events in the history; the page says the round is archived and offers nothing.
 */
import type { ArchivedCase } from '../kind-spec';
import type { WageOutcome, WageRoundView, WageStage } from './model';

export function archivedWageView({ row, openTasks }: ArchivedCase<WageRoundView['openTasks'][number]>): WageRoundView {
  const createdAt = new Date(row.created_at).toISOString();
  return {
    kind: 'wage_negotiation', caseNo: row.case_no, stage: row.stage as WageStage, status: row.status === 'closed' ? 'closed' : 'open',
    outcome: row.outcome as WageOutcome | null, enterpriseId: row.enterprise_id ?? '', enterpriseName: row.enterprise_name, unionUnitId: '',
    hrUnitId: null, year: Number(row.case_no.slice(2, 6)), plannedStart: '', request: null, supervision: [], offers: [], impasse: null,
    agreedOfferNo: null, votes: [], signing: null, filing: null, objections: [], effectiveOn: null, services: [], mentors: [], suggestions: 0,
    comments: 0, removedPosts: 0, postCount: 0, removedPostNos: [], documents: [], closingNote: null, asOf: createdAt, openTasks,
    districtId: row.district_id, streetId: row.street_id, archived: true,
  };
}
