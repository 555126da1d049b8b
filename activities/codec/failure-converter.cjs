// Loaded by path (DataConverter.failureConverterPath), both by the worker's require() and inside the workflow sandbox
// bundle, so it is plain CommonJS JavaScript: Node 20's require() cannot load a .ts file outside tsx (e.g. in vitest),
// and the sandbox may import nothing but deterministic code.
// encodeCommonAttributes moves failure messages and stack traces into a payload, which the payload codec encrypts.
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
