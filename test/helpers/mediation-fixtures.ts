/** A mediation case for workflow tests: the station, institutions and people of test/helpers/recording-activities.ts. */
import { defaultMediationPolicy, type MediationPolicy } from '../../temporal.config';
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';
import type { MediationInput, WorkerParty } from '../../workflows/kinds/mediation/model';

let n = 0;

/** n well-formed workers (ID numbers with a valid check digit are not needed by the rules, only the shape). */
export function testWorkers(count: number, claimedFen = 8_000_000): Omit<WorkerParty, 'partyNo'>[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `工人${i + 1}`, phone: `139${String(10_000_000 + i).padStart(8, '0')}`, idNumber: withCheckCharacter(`35020319901${String(1 + (i % 28)).padStart(3, "0")}${String(100 + i).slice(-3)}`),
    claimedFen,
  }));
}

export function mediationInput(opts: { policy?: Partial<MediationPolicy>; appliedAt?: string; workers?: number } = {}): MediationInput {
  n += 1;
  const workers = testWorkers(opts.workers ?? 3).map((w, i) => ({ ...w, partyNo: i + 2 }));
  return {
    caseNo: `MT${process.pid}${Date.now().toString(36)}${n}`.toUpperCase(),
    intake: {
      source: 'walk_in', parentCaseNo: null, districtId: 'd-1', streetId: 's-1',
      stationUnitId: 'i-station', arbitrationUnitId: 'i-arbitration', courtUnitId: 'i-court',
      dispute: '拖欠工资', appliedAt: opts.appliedAt ?? new Date().toISOString(),
      employer: {
        partyNo: 1, name: '厦门某建筑劳务有限公司', enterpriseId: null, creditCode: '91350200MA2XXXXX1Q', address: '厦门市湖里区某路1号',
        representative: { role: '法定代表人', name: '王总' }, phone: '13900000099',
      },
      workers, filedBy: { role: 'union_mediator', name: '调解员', unitId: 'i-station' },
    },
    policy: { ...defaultMediationPolicy, quietHours: null, ...opts.policy },
  };
}

export const mediator = { role: 'union_mediator' as const, name: '调解员', userId: 20, unitId: 'i-station' };
export const arbitrationClerk = { role: 'arbitration_clerk' as const, name: '仲裁院书记员', userId: 21, unitId: 'i-arbitration' };
export const otherClerk = { role: 'arbitration_clerk' as const, name: '别区书记员', userId: 22, unitId: 'i-elsewhere' };
export const courtClerk = { role: 'court_clerk' as const, name: '法院书记员', userId: 23, unitId: 'i-court' };
