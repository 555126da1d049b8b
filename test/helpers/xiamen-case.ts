/**
 * The Xiamen case of DOMAIN §3 as test data: a group dispute of 43 workers over 3.62 million yuan of wages, settled at
 * the union's mediation station in three installments. Names, phones and ID numbers are made up but well-formed.
 */
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';

const SURNAMES = '陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖徐周叶苏庄吕江何萧罗高潘简朱钟彭游詹胡施沈余卢梁赵';

const idNumber = (i: number) => withCheckCharacter(`35020319${String(80 + (i % 20)).padStart(2, '0')}0${(i % 9) + 1}${String(10 + (i % 18)).padStart(2, '0')}${String(100 + i).slice(-3)}`);

/** 43 workers whose claims add up to exactly 3,620,000 yuan (the last takes the remainder). */
export function xiamenWorkers() {
  const total = 362_000_000;
  const each = Math.floor(total / 43 / 100) * 100;
  return Array.from({ length: 43 }, (_, i) => ({
    name: `${SURNAMES[i % SURNAMES.length]}${'建国志强海燕秀英明华丽娟国平'.slice(i % 6, (i % 6) + 2)}`,
    phone: `1380592${String(1000 + i).slice(-4)}`,
    idNumber: idNumber(i),
    claimedFen: i === 42 ? total - each * 42 : each,
  }));
}

export const XIAMEN_TOTAL_FEN = 362_000_000;
