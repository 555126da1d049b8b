/**
 * Everything known about one case's course, read once per request and shared by the account, the engine page and the
 * JSON API: the engine's history (null past retention), its raw rows, what it says about timers and sends, the
 * policy the case started with, and the case's Postgres records.
 */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { kindOfCaseNo, workflowIdOf } from '../../../workflows/kinds';
import { engineHistory, historyRows, type EngineEvent, type HistoryRow } from '../workflow-history';
import { caseRecords, type CaseRecords } from './case-records';
import { addPendingAttempts, engineFacts, type EngineFacts } from './engine-facts';
import { meantTimers, type MeantTimer } from './timer-entries';
import type { AccountPolicy } from './timer-meaning';

export interface CaseStory {
  caseNo: string;
  engine: EngineEvent[] | null;
  rows: HistoryRow[] | null;
  facts: EngineFacts | null;
  /** the policy the case started with (its kind's durations), with what an older input lacks filled in */
  policy: AccountPolicy;
  timers: MeantTimer[];
  records: CaseRecords;
}

/** Sends still retrying are known only to the server's live description of the workflow, not to its history yet. */
async function pendingActivities(temporal: Client, caseNo: string) {
  try {
    return (await temporal.workflow.getHandle(workflowIdOf(caseNo)).describe()).raw.pendingActivities ?? [];
  } catch {
    return []; // gone meanwhile (retention): the history read a moment ago is still the best account
  }
}

export async function loadCaseStory(db: Kysely<Database>, temporal: Client, caseNo: string): Promise<CaseStory> {
  const [engine, records] = await Promise.all([engineHistory(temporal, caseNo), caseRecords(db, caseNo)]);
  const [rows, facts] = engine ? await Promise.all([historyRows(engine), engineFacts(engine)]) : [null, null];
  if (facts && facts.closedAt === null && facts.sends.some((s) => s.state === 'pending')) {
    await addPendingAttempts(facts, await pendingActivities(temporal, caseNo));
  }
  // Cases started before quiet hours existed carry no quietHours in their input: for them there are none.
  // The kind's defaults fill what an older input lacks (the grievance's); another kind's input is its whole policy.
  const kind = kindOfCaseNo(caseNo);
  const policy: AccountPolicy = { ...kind?.policyDefaults, quietHours: null, ...facts?.policy };
  const timers = facts ? meantTimers(facts, policy, records.tasks, kind?.account) : [];
  return { caseNo, engine, rows, facts, policy, timers, records };
}
