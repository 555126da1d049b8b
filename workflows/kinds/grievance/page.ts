/** What the staff page of a grievance (templates/pages/case.hbs) shows beyond the case row and its events. */
import type { PageContext } from '../kind-spec';
import { OUTCOME_LABELS, PARTNER_DEPARTMENTS, type GrievanceView } from './model';

const OUTCOMES = Object.entries(OUTCOME_LABELS).filter(([k]) => k !== 'withdrawn').map(([value, label]) => ({ value, label }));

export function grievancePageModel({ actions: names, failed }: PageContext<GrievanceView>) {
  const actions = names.map((name) => (name === failed?.action ? { name, error: failed.message, values: failed.values } : { name, values: {} }));
  // A refused action that is no longer offered (the case moved on meanwhile) has no form to show its error in.
  const error = failed && !names.includes(failed.action) ? failed.message : undefined;
  return { actions, error, outcomes: OUTCOMES, departments: PARTNER_DEPARTMENTS };
}
