/**
 * State that belongs to one workflow execution, for modules every execution shares. The worker evaluates workflows/
 * once per workflow thread and lends its modules to every case (preloadModules, worker.ts): a module-level `let` would
 * then be one variable for all the cases the thread holds, and a case resting in the cache would wake up with another
 * case's value. The SDK keeps each execution's globals apart (it swaps them in and out of the shared V8 context, as it
 * does for its own activator), so a case's own facts are kept there, under a key no one else uses.
 */
export function executionState<T extends object>(name: string, init: () => T): T {
  const globals = globalThis as unknown as Record<symbol, T | undefined>;
  const key = Symbol.for(`gongqing.execution.${name}`);
  return (globals[key] ??= init());
}
