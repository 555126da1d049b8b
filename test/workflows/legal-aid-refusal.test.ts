import { describe, expect, it } from 'vitest';
import { centreStaff } from '../helpers/legal-aid-fixtures';
import { useLegalAidCases } from '../helpers/legal-aid-cases';
import { eventually } from '../helpers/time-skipping';

const taskQueue = 'legal-aid-refusal';
const { ctx, start } = useLegalAidCases(taskQueue);

describe('legal aid: screening and assignment (time skipping)', () => {
  it('refuses with the reason and how to object, and closes', async () => {
    const c = await start();
    await c.act('recordMeansTest', centreStaff, { ground: 'means_tested', passed: false });
    await c.act('refuseAid', centreStaff, { reason: '申请人家庭收入高于当地经济困难标准' });
    await eventually(async () => (await c.handle.describe()).status.name === 'COMPLETED');
    const told = ctx.rec.smsOf(c.input.caseNo, 'legal-aid-notice').map((m) => String(m.vars.message)).find((m) => m.includes('不予法律援助'));
    expect(told).toContain('高于当地经济困难标准');
    expect(told).toContain('第四十九条');
    expect(await c.handle.result()).toMatchObject({ outcome: 'refused' });
  });
});
