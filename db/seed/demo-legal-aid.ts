/**
 * The demo's legal-aid application (DOMAIN §4, Lin'an): seven migrant workers owed 170,000 yuan by a construction
 * company's branch and its head office, jointly liable, after a street agreement to pay was broken. Registered by the
 * district's centre (xihu.qb) and left in screening, so the demo shows the means test, the conflict check (何律师
 * declared 何建国, one of the workers, as his father; his firm also acted for the head office) and the assignment.
 */
import type { LegalAidIntakeRequest } from '../../api/schemas/legal-aid';
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';

const NAMES = ['张大山', '李小河', '王石头', '赵铁柱', '孙有田', '周满仓', '何建国'];

export const DEMO_LEGAL_AID: LegalAidIntakeRequest = {
  idempotencyKey: 'demo-legal-aid-linan',
  workers: NAMES.map((name, i) => ({
    name, phone: `1350571${String(1000 + i)}`, idNumber: withCheckCharacter(`3415241985${String(i + 1).padStart(2, '0')}11${200 + i}`), claimedFen: i < 6 ? 2_400_000 : 2_600_000,
  })),
  debtors: [
    { name: '杭州城建建筑工程有限公司临安分公司', address: '杭州市临安区锦城街道某路8号', representative: '陈明', representativeRole: '主要负责人' },
    { name: '杭州城建建筑工程有限公司', enterpriseId: 'e-jianzhu', creditCode: '91330106MA2H00000B', address: '杭州市西湖区翠苑街道某路1号', representative: '王建国' },
  ],
  dispute: '拖欠工资', streetId: 's-cuiyuan',
  facts: '七名申请人在被申请人承建的临安工地务工，工程完工后被拖欠工资共17万元。经街道调解，被申请人承诺于约定日期前付清，到期未履行。',
};
