import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActionCommand, GrievanceView } from './grievance-model';

/** The live view of a grievance (stage, open tasks, actions valid now). */
export const grievanceViewQuery = defineQuery<GrievanceView>('grievanceView');
/** Every command on a grievance: validated (typed zh-CN error) and answered with the new view. */
export const grievanceActUpdate = defineUpdate<GrievanceView, [ActionCommand]>('grievanceAct');
/** Answers once the case row is written: sent together with the start, so a filing's 201 is readable at once. */
export const caseCreatedUpdate = defineUpdate<string, []>('caseCreated');
/** A fact from the worker: more information about their case (补充说明). Recorded as it comes; nothing to validate. */
export const complainantNoteSignal = defineSignal<[{ text: string }]>('complainantNote');
