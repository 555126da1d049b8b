/** A legal-aid case for workflow tests: the district, institutions and people of test/helpers/recording-activities.ts. */
import { defaultLegalAidPolicy, type LegalAidPolicy } from '../../temporal.config';
import type { LegalAidInput, LegalAidSource } from '../../workflows/kinds/legal-aid/model';
import { testWorkers } from './mediation-fixtures';

let n = 0;

export function legalAidInput(opts: { policy?: Partial<LegalAidPolicy>; appliedAt?: string; workers?: number; source?: LegalAidSource; debtors?: number } = {}): LegalAidInput {
  n += 1;
  const workers = testWorkers(opts.workers ?? 2, 2_000_000).map((w, i) => ({ ...w, partyNo: i + 1 }));
  const debtors = Array.from({ length: opts.debtors ?? 1 }, (_, i) => ({
    partyNo: workers.length + i + 1, name: i === 0 ? '某建筑工程有限公司临安分公司' : '某建筑工程有限公司', enterpriseId: null,
    creditCode: i === 0 ? '91330185MA2XXXXX1F' : '91330100MA2YYYYY2N', address: '杭州市临安区某路1号',
    representative: { role: i === 0 ? '主要负责人' as const : '法定代表人' as const, name: i === 0 ? '陈经理' : '王总' },
  }));
  return {
    caseNo: `LT${process.pid}${Date.now().toString(36)}${n}`.toUpperCase(),
    intake: {
      source: opts.source ?? 'walk_in', parentCaseNo: null, courtRef: opts.source === 'court_delegated' ? '（2026）皖1524民诉前调123号' : null,
      districtId: 'd-1', streetId: 's-1', centreUnitId: 'd-1',
      arbitrationUnitId: 'i-arbitration', courtUnitId: 'i-court', procuratorateUnitId: 'i-procuratorate',
      dispute: '拖欠工资', facts: '申请人在被申请人承建的工地务工，工程完工后工资至今未付。',
      appliedAt: opts.appliedAt ?? new Date().toISOString(), workers, debtors,
      filedBy: { role: 'district_staff', name: '区权保部干事', unitId: 'd-1', userId: 10 },
    },
    policy: { ...defaultLegalAidPolicy, quietHours: null, ...opts.policy },
  };
}

export const centreStaff = { role: 'district_staff' as const, name: '区权保部干事', userId: 10, unitId: 'd-1' };
/** the lawyers recording-activities.ts knows (testLawyers): 41 and 42 are clean, 43 has declared a relative who is a party */
export const lawyerWu = { role: 'legal_aid_lawyer' as const, name: '吴律师', userId: 41, unitId: 'd-1' };
export const lawyerHe = { role: 'legal_aid_lawyer' as const, name: '何律师', userId: 42, unitId: 'd-1' };
export const lawyerConflicted = { role: 'legal_aid_lawyer' as const, name: '冯律师', userId: 43, unitId: 'd-1' };
export const procurator = { role: 'procurator' as const, name: '检察官', userId: 40, unitId: 'i-procuratorate' };
export const courtClerkLA = { role: 'court_clerk' as const, name: '法院书记员', userId: 23, unitId: 'i-court' };
