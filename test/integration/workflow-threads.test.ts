/**
 * A worker process started as the scripts start it (worker.ts, workerNodeArgs) runs its workflow threads without the
 * SDK's promise hook (scripts/lib/workflow-threads.cjs): a filed case at rest answers the stack-trace query with no
 * stacks at all. With the hook the same query answers with the stacks it filed, frameless but not empty
 * (test/workflows/stack-traces.test.ts, a worker in the test's process); an SDK whose hook no longer looks like the one
 * the preload skips would make this answer non-empty, and the hook's cost would be back unnoticed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grievanceWorkflowId } from '../../api/services/case-number';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker } from '../helpers/worker-proof';

let sys: System;

beforeAll(async () => {
  sys = await startSystem('workflow-threads');
  await sys.startWorker();
});

afterAll(async () => {
  await sys?.stop();
});

describe('the worker process as the scripts start it', () => {
  it('answers the stack-trace query of a resting case with no stacks', async () => {
    const { caseNo } = await fileAsWorker(sys);
    const handle = sys.temporal.workflow.getHandle(grievanceWorkflowId(caseNo));
    // At rest: its first task open, its timers set, waiting on promises the hook would have filed.
    await eventually(async () => (await sys.db.selectFrom('tasks').select('task_id').where('case_no', '=', caseNo).execute()).length === 1);
    expect(await handle.query<string>('__stack_trace')).toBe('');
  }, 60_000);
});
