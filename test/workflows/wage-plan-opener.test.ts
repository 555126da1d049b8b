import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { useRecordingWorker, eventually } from '../helpers/time-skipping';

const taskQueue = 'wage-plan-opener';
const ctx = useRecordingWorker(taskQueue);
const plan = (planId: number, plannedStart: string) => ({
  planId, year: 2027, plannedStart, enterpriseId: `e-${planId}`, enterpriseName: `企业${planId}`, unionUnitId: 'u-1', districtId: 'd-1', streetId: 's-1', hrUnitId: 'i-hr',
});

describe('wage plan: the daily opener', () => {
  it('opens the rounds whose start is near, each once however often it runs', async () => {
    const now = await ctx.env.currentTimeMs();
    const day = (n: number) => shanghaiDate(now + n * 86_400_000);
    ctx.rec.wagePlans = [plan(1, day(5)), plan(2, day(29)), plan(3, day(90)), plan(4, day(-3))];
    const run = (id: string) => ctx.env.client.workflow.execute('openPlannedWageRounds', { taskQueue, workflowId: id, args: [{ aheadDays: 30 }] });
    const first = await run('opener-1');
    expect([...first.opened].sort()).toEqual(['WN2027000001', 'WN2027000002', 'WN2027000004']);
    await eventually(() => ctx.rec.openedPlans.size === 3);
    const second = await run('opener-2');
    expect(second).toEqual({ opened: [], alreadyOpen: 0 });
    // a run that started a round but whose plan row was not yet marked (it failed half-way): Temporal refuses the duplicate
    ctx.rec.openedPlans.delete(1);
    const third = await run('opener-3');
    expect(third).toEqual({ opened: [], alreadyOpen: 1 });
    const rounds = [...ctx.rec.cases.entries()].filter(([no]) => no.startsWith('WN2027'));
    expect(rounds.map(([no]) => no).sort()).toEqual(['WN2027000001', 'WN2027000002', 'WN2027000004']);
  });
});
