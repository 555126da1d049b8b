/**
 * The floor of a case's shape: what a new case asks of the engine and of the SDK's worker whatever the app does in its
 * first task. Like every case (workflows/shared/case-runner.ts) it is started together with an update that is answered
 * once a local activity has landed, and its one workflow task ends with two timers started, after which it rests; the
 * activity does nothing, and there is no API, no payload and no Postgres write of the app's. Nine history events, as a
 * grievance until it rests. Set against the noop, it measures what the fixed shape costs; intake set against it, what
 * the app's own work costs (bench/floor-limit.ts).
 */
import { condition, defineUpdate, proxyLocalActivities, setHandler, sleep } from '@temporalio/workflow';

export interface FloorActivities {
  touch(): Promise<void>;
}

export const floorCreated = defineUpdate<string>('floorCreated');

const { touch } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

export async function shapeFloor(): Promise<void> {
  let created = false;
  setHandler(floorCreated, async () => {
    await condition(() => created);
    return 'created';
  });
  await touch();
  created = true;
  // A grievance rests on two: the enterprise's 12-hour notice and its first step's due time.
  await Promise.race([sleep('12 hours'), sleep('2 days')]);
}
