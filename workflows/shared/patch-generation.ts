/**
 * One marker for all the patches a case takes (issue 24). Every `patched()` a new case passes records a marker and an
 * upsert of the TemporalChangeVersion search attribute, each a history event and the upsert a visibility write on the
 * server: by issue 24 a grievance recorded six pairs before it first rested, more than half of its history. A case
 * started since the generation records this one marker instead, and every patch older than it counts as taken.
 *
 * Cases started before it have no such marker and still decide each patch by its own (`since` falls back to
 * `patched`), so their histories replay as recorded. A patch added after the newest generation uses `patched` itself,
 * or a new generation that names it: cases of an older generation then ask that patch by its own marker.
 *
 * The decision is the case's own (execution-state.ts): this module is shared by every case the worker holds.
 */
import { patched } from '@temporalio/workflow';
import { executionState } from './execution-state';

/**
 * The generations, oldest first: each stands for every patch in workflows/ on its date, and names the patches it added
 * after the one before it. A case records the newest generation as it starts, and takes every patch that generation
 * stands for.
 */
const GENERATIONS: readonly { name: string; added: readonly string[] }[] = [
  // from 'worker-sms-v1' to 'case-opens-with-first-step'
  { name: 'patches-until-2026-12-07', added: [] },
  { name: 'patches-until-2026-12-08', added: ['intake-fan-out-with-case-row'] },
];

/** How many generations the case records (0: started before the first; its patches are asked one by one). */
const generation = () => executionState('patch-generation', () => ({ level: 0 }));

/**
 * Decided once, first thing as a case starts (CaseHost), before any patch is asked about. Newest first: a new case
 * records only the newest generation's marker, and a case started under an older one replays its own marker.
 */
export function decidePatchGeneration(): void {
  const state = generation();
  state.level = 0;
  for (let i = GENERATIONS.length - 1; i >= 0; i--) {
    if (patched(GENERATIONS[i].name)) {
      state.level = i + 1;
      return;
    }
  }
}

/** `patched(name)`, answered without a marker of its own when the case's generation stands for the patch. */
export function since(name: string): boolean {
  const { level } = generation();
  const addedLater = GENERATIONS.slice(level).some((g) => g.added.includes(name));
  return (level > 0 && !addedLater) || patched(name);
}
