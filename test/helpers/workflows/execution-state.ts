/** Workflows for test/workflows/shared-modules.test.ts: what a case keeps when the worker shares its modules. */
import { condition, defineQuery, defineSignal, setHandler } from '@temporalio/workflow';
import { executionState } from '../../../workflows/shared/execution-state';

export const nameQuery = defineQuery<string>('name');
export const goSignal = defineSignal('go');

/** Shared by every case on the thread once the module is preloaded: what execution-state.ts keeps cases from. */
let lastNamed = '';

export async function remembersItsName(name: string): Promise<{ own: string; moduleLevel: string }> {
  executionState('test-name', () => ({ name }));
  lastNamed = name;
  let go = false;
  setHandler(nameQuery, () => executionState('test-name', () => ({ name: '?' })).name);
  setHandler(goSignal, () => { go = true; });
  await condition(() => go);
  return { own: executionState('test-name', () => ({ name: '?' })).name, moduleLevel: lastNamed };
}
