/**
 * One marker for all the patches a case takes (issue 24). Every `patched()` a new case passes records a marker and an
 * upsert of the TemporalChangeVersion search attribute, each a history event and the upsert a visibility write on the
 * server: by issue 24 a grievance recorded six pairs before it first rested, more than half of its history. A case
 * started since the generation records this one marker instead, and every patch older than it counts as taken.
 *
 * A case the API starts records not even that one: its input carries the generation (PatchGenerationStamp).
 *
 * Cases started before it have no such marker and still decide each patch by its own (`since` falls back to
 * `patched`), so their histories replay as recorded. A patch added after the newest generation uses `patched` itself,
 * or a new generation that names it: cases of an older generation then ask that patch by its own marker.
 *
 * The decision is the case's own (execution-state.ts): this module is shared by every case the worker holds.
 */
import { patched, workflowInfo } from '@temporalio/workflow';
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
  { name: 'patches-until-2026-12-09', added: ['clock-keeper-keeps-its-timer'] },
];

/** The generation a case started now takes: what the API stamps on the cases it starts (PatchGenerationStamp). */
export const NEWEST_PATCH_GENERATION = GENERATIONS.length;

/**
 * Part of every kind's input: the generation the API knew when it started the case. A stamped case records no
 * generation marker: the stamp, in the start event, is what a replay reads instead (issue 24: the marker and its
 * search-attribute upsert were two of a new case's eleven history events, and the upsert a visibility write).
 */
export interface PatchGenerationStamp {
  patchGeneration?: number;
}

/** How many generations the case records (0: started before the first; its patches are asked one by one). */
const generation = () => executionState('patch-generation', () => ({ level: 0 }));

/**
 * Decided once, first thing as a case starts (CaseHost), before any patch is asked about. Newest first: a new case
 * records only the newest generation's marker, and a case started under an older one replays its own marker.
 *
 * A case stamped with its generation (`stamped`) records no marker when it runs for the first time. Replayed, it still
 * looks for one: a worker from before stamps ignored the stamp and recorded its own newest generation, and what that
 * worker did is what the replay must do. Asked while replaying, `patched` only reads the history; it records nothing.
 * A stamp newer than this worker knows fails the workflow task, so the case waits for an upgraded worker instead of
 * running patches it does not have.
 */
export function decidePatchGeneration(stamped?: number): void {
  const state = generation();
  state.level = 0;
  if (stamped !== undefined) {
    if (!Number.isInteger(stamped) || stamped < 0 || stamped > GENERATIONS.length) {
      throw new Error(`case stamped with patch generation ${stamped}; this worker knows 0 to ${GENERATIONS.length}: it needs upgrading`);
    }
    if (!workflowInfo().unsafe.isReplaying) {
      state.level = stamped;
      return;
    }
  }
  for (let i = GENERATIONS.length - 1; i >= 0; i--) {
    if (patched(GENERATIONS[i].name)) {
      state.level = i + 1;
      return;
    }
  }
  if (stamped !== undefined) state.level = stamped;
}

/** `patched(name)`, answered without a marker of its own when the case's generation stands for the patch. */
export function since(name: string): boolean {
  const { level } = generation();
  const addedLater = GENERATIONS.slice(level).some((g) => g.added.includes(name));
  return (level > 0 && !addedLater) || patched(name);
}
