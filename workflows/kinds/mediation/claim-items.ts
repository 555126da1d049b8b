/**
 * A worker's claim item by item (unpaid wages with their months, overtime, 经济补偿…): checked where workers are
 * registered (the intake, setWorkers) and named as the documents print them. Pure.
 */
import { CLAIM_ITEM_LABELS, type ClaimItem, type WorkerParty } from './model';

/** Why a worker's items cannot be taken (zh-CN, after the worker's name), or null. No items at all is allowed. */
export function claimItemsRefusal(w: Pick<WorkerParty, 'claimedFen' | 'claims'>): string | null {
  if (!w.claims || w.claims.length === 0) return null;
  for (const c of w.claims) {
    if (c.kind === 'wages' && (!c.from || !c.to)) return '的拖欠工资请填写所欠工资的起止月份';
    if (c.from && c.to && c.from > c.to) return `的${CLAIM_ITEM_LABELS[c.kind]}起止月份颠倒`;
    if (c.kind === 'other' && !c.note?.trim()) return '的“其他”请求请写明是什么';
  }
  const sum = w.claims.reduce((t, c) => t + c.amountFen, 0);
  return sum === w.claimedFen ? null : `的各项请求合计${(sum / 100).toFixed(2)}元，与请求金额${(w.claimedFen / 100).toFixed(2)}元不符`;
}

const month = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5, 7))}月`;

/** What an item is, as a document names it: 2026年8月至2026年10月拖欠工资. */
export function claimItemName(c: ClaimItem): string {
  const what = c.kind === 'other' ? c.note ?? CLAIM_ITEM_LABELS.other : CLAIM_ITEM_LABELS[c.kind];
  const period = c.from && c.to ? (c.from === c.to ? `${month(c.from)}` : `${month(c.from)}至${month(c.to)}`) : '';
  const note = c.kind !== 'other' && c.note ? `（${c.note}）` : '';
  return `${period}${what}${note}`;
}
