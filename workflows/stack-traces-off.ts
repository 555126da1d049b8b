/**
 * Preloaded first into every workflow thread (worker.ts), unless GONGQING_WORKFLOW_STACK_TRACES=1: stack traces of
 * errors and promises created in workflow code hold no frames.
 *
 * For the Web UI's "Stack Trace" tab the SDK records, for every promise a workflow creates, a new Error's stack with
 * each frame looked up in the bundle's source map. A grievance creates about a hundred promises in its first task, and
 * the profile of the worker under intake (bench/, issue 24) showed that hook taking a third of the workflow thread. The
 * SDK has no option for it, and the realm's Error is frozen once the thread's modules are loaded: this module runs
 * before that, as the modules the thread shares do, and sets how many frames a stack takes there.
 *
 * What it costs: the stack-trace query answers with no frames, and an error thrown by workflow code carries its message
 * without a stack. To see them, replay the case's history (`temporal workflow show --output json`, then
 * Worker.runReplayHistory, docs/operations-cluster.md) or run a worker with GONGQING_WORKFLOW_STACK_TRACES=1.
 */
// Evaluated once per workflow thread, before the SDK freezes the realm; a frozen Error (the module evaluated per
// case, as without preloading) keeps the SDK's default instead of failing the case.
if (!Object.isFrozen(Error)) Error.stackTraceLimit = 0;

export {};
