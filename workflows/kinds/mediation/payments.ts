/**
 * A payment against the agreed installments. An employer paying more than the installment at hand (two months at once,
 * the rest in one go) has paid the next ones: the excess counts against them in order, as the station's ledger would.
 */
import type { Installment } from './model';

/** What is still owed from installment `no` on, this one included. */
export function owedFrom(installments: Installment[], no: number): number {
  return installments.filter((i) => i.no >= no).reduce((t, i) => t + i.amountFen - i.paidFen, 0);
}

/** Applies `fen` to installment `no` and then to the next unpaid ones; returns what went to the later ones. */
export function applyPayment(installments: Installment[], no: number, fen: number): { no: number; fen: number }[] {
  const carried: { no: number; fen: number }[] = [];
  let left = fen;
  for (const inst of installments.filter((i) => i.no >= no)) {
    if (left <= 0) break;
    const part = Math.min(left, inst.amountFen - inst.paidFen);
    if (part <= 0) continue;
    inst.paidFen += part;
    if (inst.paidFen >= inst.amountFen) inst.status = 'paid';
    if (inst.no !== no) carried.push({ no: inst.no, fen: part });
    left -= part;
  }
  return carried;
}
