/** Workflows of the bench's own worker (bench/noop-worker.ts), bundled apart from the app's workflows/index.ts. */
export { noop } from './noop';
export { shapeFloor } from './shape-floor';
