/**
 * Preloaded (`node --require`) into the worker process, where it acts only in its workflow threads: the SDK's promise
 * hook is not installed there, unless GONGQING_WORKFLOW_STACK_TRACES=1 asks for workflow stack traces.
 *
 * For the stack-trace query the SDK hooks every promise a workflow thread creates (@temporalio/worker
 * workflow/vm-shared.js, setPromiseHook; sdk-typescript#1587): per promise it compiles a function
 * (`Function('return globalThis.Error')`), makes an Error, formats its stack and files it in two maps, and on settling
 * takes it out again. A grievance creates about a hundred promises until it rests. With workflow stack traces already
 * off (workflows/stack-traces-off.ts: no frames), what the hook keeps is a list of empty stacks, at a quarter of the
 * workflow thread's CPU under intake (per-thread CPU, session 18: 3.3 → 2.5 ms a case). Without it the stack-trace
 * query answers with no stacks at all; everything else the SDK does is unchanged. The SDK has no option for this, and
 * the hook is made inside its workflow thread, which only a preload reaches: Node loads `--require` modules into every
 * thread of the process.
 */
'use strict';
const { isMainThread } = require('node:worker_threads');

if (!isMainThread && process.env.GONGQING_WORKFLOW_STACK_TRACES !== '1') {
  const v8 = require('node:v8');
  const createHook = v8.promiseHooks.createHook;
  // The SDK's hook is the one with init and settled only; any other (a debugger's, a profiler's) is made as asked.
  v8.promiseHooks.createHook = function createHookExceptTheStackTracers(hooks) {
    const theSdks = hooks && typeof hooks.init === 'function' && typeof hooks.settled === 'function' && !hooks.before && !hooks.after;
    return theSdks ? () => undefined : createHook.call(this, hooks);
  };
}
