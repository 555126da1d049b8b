/**
 * The floor of the platform: a workflow that does nothing. Starting and completing it costs the server one start, one
 * workflow task and one completion, so its rate is the most this dev server and worker setup can complete at all.
 */
export async function noop(): Promise<void> {
  // nothing on purpose
}
