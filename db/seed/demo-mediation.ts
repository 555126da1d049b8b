/**
 * A group dispute at the district's mediation station for the demo (DOMAIN §3, modelled on the Xiamen case): 43
 * construction workers, 3.62 million yuan of wages; opened by the station's mediator (xihu.tj), waiting for sessions
 * and an agreement. A fixed key makes re-runs open nothing new. Names, phones and ID numbers are made up.
 */
import type { MediationIntakeRequest } from '../../workflows/kinds/mediation/model';
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';

const SURNAMES = '陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖徐周叶苏庄吕江何萧罗高潘简朱钟彭游詹胡施沈余卢梁赵';
const GIVEN = ['建国', '志强', '海燕', '秀英', '明华', '丽娟', '国平', '春生', '金水', '文斌', '玉兰'];

/** A well-formed 居民身份证号码: an existing birth date and the GB 11643 check character. */
const idNumber = (i: number) => withCheckCharacter(`35020319${70 + (i % 25)}0${(i % 9) + 1}${String(10 + (i % 18))}${String(100 + i).slice(-3)}`);

/** The Xiamen case's total: 3,620,000 yuan. */
export const XIAMEN_TOTAL_FEN = 362_000_000;

/**
 * The 43 workers of a Xiamen-sized group whose claims add up to exactly XIAMEN_TOTAL_FEN (the last takes the
 * remainder), with phones `<phonePrefix><4 digits>` (phonePrefix: 7 digits). The demo, the tests and the bench use it.
 */
export function xiamenGroup(phonePrefix: string) {
  const each = Math.floor(XIAMEN_TOTAL_FEN / 43 / 100) * 100;
  return Array.from({ length: 43 }, (_, i) => ({
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`, phone: `${phonePrefix}${String(1000 + i).slice(-4)}`, idNumber: idNumber(i),
    claimedFen: i === 42 ? XIAMEN_TOTAL_FEN - each * 42 : each,
  }));
}

export const DEMO_MEDIATION: MediationIntakeRequest = {
  idempotencyKey: 'demo-mediation-xiamen',
  employer: { name: '杭州城建建筑工程有限公司', enterpriseId: 'e-jianzhu', creditCode: '91330106MA2H4K7Q3D', address: '杭州市西湖区翠苑街道文二路88号', representative: '周建设', representativePosition: '总经理', phone: '13588880001' },
  dispute: '拖欠工资',
  streetId: 's-cuiyuan',
  workers: xiamenGroup('1380571'),
};
