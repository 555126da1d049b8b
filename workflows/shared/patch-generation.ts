/**
 * One marker for all the patches a case takes (issue 24). Every `patched()` a new case passes records a marker and an
 * upsert of the TemporalChangeVersion search attribute, each a history event and the upsert a visibility write on the
 * server: by issue 24 a grievance recorded six pairs before it first rested, more than half of its history. A case
 * started since the generation records this one marker instead, and every patch older than it counts as taken.
 *
 * Cases started before it have no such marker and still decide each patch by its own (`since` falls back to
 * `patched`), so their histories replay as recorded. A patch added after the generation uses `patched` itself (or a
 * new generation, which then names every patch before it).
 *
 * The decision is the case's own (execution-state.ts): this module is shared by every case the worker holds.
 */
import { patched } from '@temporalio/workflow';
import { executionState } from './execution-state';

/** Stands for every patch in workflows/ on 2026-12-07, from 'worker-sms-v1' to 'case-opens-with-first-step'. */
const GENERATION = 'patches-until-2026-12-07';

const generation = () => executionState('patch-generation', () => ({ taken: false }));

/** Decided once, first thing as a case starts (CaseHost), before any patch is asked about. */
export function decidePatchGeneration(): void {
  generation().taken = patched(GENERATION);
}

/** `patched(name)` for a patch older than the generation: taken, without a marker of its own, by a case of it. */
export function since(name: string): boolean {
  return generation().taken || patched(name);
}
