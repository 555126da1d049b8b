/** The worker's view of their case, for the phone page and the JSON API alike. */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { caseEvents } from '../../db/queries/cases';
import { unitName } from '../../db/queries/organisation';
import type { Database } from '../../db/schema';
import { caseView } from './cases';
import { workerCurrentStep, workerMilestones } from './worker-view';
import type { GrievanceView } from '../../workflows/kinds/grievance/model';

export async function workerProgress(db: Kysely<Database>, temporal: Client, caseNo: string) {
  const [view, events] = await Promise.all([caseView<GrievanceView>(temporal, caseNo, db), caseEvents(db, caseNo)]);
  const unitIds = [...new Set(view.openTasks.map((t) => t.unitId))];
  const names = Object.fromEntries(await Promise.all(unitIds.map(async (id) => [id, (await unitName(db, id)) ?? ''] as const)));
  return { view, milestones: workerMilestones(events), current: workerCurrentStep(view, names) };
}
