/**
 * The Xiamen case of DOMAIN §3 as test data: a group dispute of 43 workers over 3.62 million yuan of wages, settled at
 * the union's mediation station in three installments (the demo's group, on phones of their own).
 */
import { xiamenGroup, XIAMEN_TOTAL_FEN } from '../../db/seed/demo-mediation';

export const xiamenWorkers = () => xiamenGroup('1380592');
export { XIAMEN_TOTAL_FEN };
