import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActionCommand, GrievanceView } from '../kinds/grievance/model';
import type { Actor } from './roles';
import type { CaseViewBase } from './case-view';
import type { ReassignAnswer, ReassignCommand } from './core-features/reassignment';

/*
 * The grievance shipped with names of its own; running grievances answer to them, so they stay. Every later kind uses
 * the generic set below (DESIGN: one update/query/signal set for every kind).
 */
/** The live view of a grievance (stage, open tasks, actions valid now). */
export const grievanceViewQuery = defineQuery<GrievanceView>('grievanceView');
/** Every command on a grievance: validated (typed zh-CN error) and answered with the new view. */
export const grievanceActUpdate = defineUpdate<GrievanceView, [ActionCommand]>('grievanceAct');
/** A fact from the worker: more information about their case (补充说明). Recorded as it comes; nothing to validate. */
export const complainantNoteSignal = defineSignal<[{ text: string }]>('complainantNote');

/** Answers once the case row is written: sent together with the start, so a filing's 201 is readable at once. */
export const caseCreatedUpdate = defineUpdate<string, []>('caseCreated');

/** A command on a case of any later kind: `{ action, actor, payload }`, validated by the kind's rules. */
export interface KindCommand {
  action: string;
  actor: Actor;
  payload: unknown;
}
export const caseViewQuery = defineQuery<CaseViewBase>('caseView');
export const caseActUpdate = defineUpdate<CaseViewBase, [KindCommand]>('caseAct');
/** A party adds information to their case. */
export const caseNoteSignal = defineSignal<[{ text: string; actor: Actor }]>('caseNote');

/** Moves a case's open tasks to another holder (any kind; core-features/reassignment.ts); answered with what moved. */
export const reassignTasksUpdate = defineUpdate<ReassignAnswer, [ReassignCommand]>('reassignTasks');
