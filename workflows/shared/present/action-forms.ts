/**
 * A case page's action forms, for any kind: each action valid now with its values (what the case suggests, or what was
 * typed when it was refused) and its kind's choices, then grouped as the page shows them: the process's next steps
 * first, the others folded, the irreversible ones apart behind a confirm. Pure.
 */
import type { FormBody } from './form-values';

export interface ActionFormSpec {
  names: string[];
  failed?: { action: string; message: string; values: FormBody };
  /** what each action's form holds when first offered */
  initial: Record<string, FormBody>;
  label(name: string): string;
  /** the kind's choices for an action's form (its options, who may be chosen) */
  choices(name: string, values: FormBody): Record<string, unknown>;
  /** the process's next steps, in the order the page shows them */
  main: readonly string[];
  irreversible: readonly string[];
}

export function actionForms(spec: ActionFormSpec) {
  const { names, failed } = spec;
  const actions = names.map((name) => {
    const error = failed?.action === name ? failed.message : undefined;
    const values = error ? failed!.values : spec.initial[name] ?? {};
    return { name, label: spec.label(name), error, values, ...spec.choices(name, values) };
  });
  const other = actions.filter((a) => !spec.main.includes(a.name) && !spec.irreversible.includes(a.name));
  const irreversible = actions.filter((a) => spec.irreversible.includes(a.name));
  return {
    // A refused action no longer offered (the case moved on meanwhile) has no form to show its error in.
    error: failed && !names.includes(failed.action) ? failed.message : undefined,
    mainActions: actions.filter((a) => spec.main.includes(a.name)).sort((x, y) => spec.main.indexOf(x.name) - spec.main.indexOf(y.name)),
    otherActions: other,
    irreversibleActions: irreversible,
    otherSummary: other.map((a) => a.label).join('、'),
    irreversibleSummary: irreversible.map((a) => a.label).join('、'),
    otherOpen: other.some((a) => a.error),
    irreversibleOpen: irreversible.some((a) => a.error),
  };
}
