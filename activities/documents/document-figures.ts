/**
 * The sums a document states, computed once in code rather than in templates: totals of what was claimed, agreed,
 * paid and is still owed, the installments numbered, the missed installment found. Also where a document's data is
 * checked: an agreement whose installments do not add up to what was agreed must never be printed.
 */
import { calendarDate } from './chinese-date';
import type { DocumentDataByKind, DocumentKind, PaymentTerms, Worker } from './types';

/** Data a document cannot be made from; the activity fails for good on it (a retry would print the same mistake). */
export class DocumentDataError extends Error {
  override name = 'DocumentDataError';
}

export interface Installment {
  /** 1-based, as printed (第一期) */
  number: number;
  dueDate: string;
  amountFen: number;
}

/** A worker's line of the attached list (附表) of a document of ten or more workers. */
export interface WorkerRow {
  number: number;
  name: string;
  idNumber: string;
  claimedFen: number;
  agreedFen: number;
  /** enforcement only: paid so far and still owed */
  paidFen: number;
  owedFen: number;
}

/** From this many workers on the documents list them in an attached table (and name the representatives, if elected). */
export const REPRESENTED_FROM = 10;

export interface DocumentFigures {
  workerCount: number;
  /** more than one worker: the document says 申请人张三等N人 and numbers the parties */
  group: boolean;
  /** ten or more workers: every worker and amount in the attached table (附表), the elected representatives in the text */
  represented: boolean;
  representatives: Worker[];
  /**
   * representatives sign for the workers; false when ten or more did not elect any (劳动争议调解仲裁法 Art. 7: they
   * may), and then every worker signs
   */
  elected: boolean;
  rows: WorkerRow[];
  /** some worker's claim is broken down by item (partials/claim-items.hbs) */
  itemised: boolean;
  claimedFen: number;
  agreedFen: number;
  /** a lump sum is one installment */
  installments: Installment[];
  lumpSum: boolean;
  /** enforcement only */
  paidFen: number;
  outstandingFen: number;
  /** enforcement only: what each worker is still owed, in the order of workers */
  owed: { name: string; fen: number }[];
  missed: (Installment & { paidFen: number; shortFen: number }) | null;
}

export const isFen = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function fail(message: string): never {
  throw new DocumentDataError(message);
}

export function checkDate(value: unknown, what: string): string {
  try {
    return calendarDate(String(value ?? ''));
  } catch {
    return fail(`${what} is not a date (YYYY-MM-DD): ${String(value)}`);
  }
}

function checkWorkers(workers: Worker[]): void {
  if (!Array.isArray(workers) || workers.length === 0) fail('a document needs at least one worker');
  workers.forEach((w, i) => {
    if (!w.name?.trim()) fail(`worker ${i + 1} has no name`);
    if (!isFen(w.claimedFen) || !isFen(w.agreedFen)) fail(`worker ${i + 1} (${w.name}): amounts must be whole fen ≥ 0`);
    if (w.claims?.length && sum(w.claims.map((c) => c.amountFen)) !== w.claimedFen) fail(`worker ${i + 1} (${w.name}): the claim's items do not add up to the claim`);
  });
}

function installmentsOf(terms: PaymentTerms, agreedFen: number): Installment[] {
  if (terms.kind === 'lump-sum') return [{ number: 1, dueDate: checkDate(terms.dueDate, 'the payment date'), amountFen: agreedFen }];
  const list = terms.installments ?? [];
  if (list.length === 0) fail('an installment plan needs at least one installment');
  const out = list.map((x, i) => {
    if (!isFen(x.amountFen) || x.amountFen === 0) fail(`installment ${i + 1}: the amount must be whole fen > 0`);
    return { number: i + 1, dueDate: checkDate(x.dueDate, `installment ${i + 1}'s due date`), amountFen: x.amountFen };
  });
  out.forEach((x, i) => { if (i > 0 && x.dueDate <= out[i - 1].dueDate) fail('installments must fall due in order, one date each'); });
  if (sum(out.map((x) => x.amountFen)) !== agreedFen) fail(`the installments add up to ${sum(out.map((x) => x.amountFen))} fen, but ${agreedFen} fen were agreed`);
  return out;
}

/** 劳动人事争议仲裁办案规则 Art. 63: three to five representatives, each one of the workers, each once. */
function representativesOf(workers: Worker[], places: unknown): Worker[] {
  if (places === undefined) return workers.slice(0, 3);
  if (!Array.isArray(places)) fail('representatives must be a list of places in the workers');
  if (places.length === 0) return [];
  if (places.length < 3 || places.length > 5) fail(`ten or more workers elect three to five representatives, not ${places.length}`);
  if (new Set(places).size !== places.length) fail('a representative is listed twice');
  return places.map((p) => {
    if (!Number.isInteger(p) || p < 1 || p > workers.length) fail(`representative ${String(p)} is not one of the ${workers.length} workers`);
    return workers[p - 1];
  });
}

function rowsOf(workers: (Worker & { paidFen?: number })[]): WorkerRow[] {
  return workers.map((w, i) => ({
    number: i + 1, name: w.name, idNumber: w.idNumber, claimedFen: w.claimedFen, agreedFen: w.agreedFen,
    paidFen: w.paidFen ?? 0, owedFen: w.agreedFen - (w.paidFen ?? 0),
  }));
}

export function documentFigures<K extends DocumentKind>(kind: K, data: DocumentDataByKind[K]): DocumentFigures {
  checkWorkers(data.workers);
  checkDate(data.issuedOn, 'the date of the document');
  const claimedFen = sum(data.workers.map((w) => w.claimedFen));
  const agreedFen = sum(data.workers.map((w) => w.agreedFen));
  const represented = data.workers.length >= REPRESENTED_FROM;
  const representatives = represented ? representativesOf(data.workers, data.representatives) : [];
  const figures: DocumentFigures = {
    workerCount: data.workers.length, group: data.workers.length > 1, claimedFen, agreedFen,
    represented, representatives, elected: representatives.length > 0,
    rows: rowsOf(data.workers), itemised: data.workers.some((w) => (w.claims?.length ?? 0) > 0),
    installments: [], lumpSum: false, paidFen: 0, outstandingFen: agreedFen, owed: [], missed: null,
  };
  if (!('terms' in data)) return figures; // a transfer letter: no agreement, nothing to pay by a date
  if (agreedFen === 0) fail('an agreement must give the workers something: every agreed amount is 0');
  figures.installments = installmentsOf(data.terms, agreedFen);
  figures.lumpSum = data.terms.kind === 'lump-sum';
  if (kind !== 'enforcement-application') return figures;

  const e = data as DocumentDataByKind['enforcement-application'];
  e.workers.forEach((w, i) => {
    if (!isFen(w.paidFen) || w.paidFen > w.agreedFen) fail(`worker ${i + 1} (${w.name}): paid must be whole fen between 0 and the agreed amount`);
  });
  figures.paidFen = sum(e.workers.map((w) => w.paidFen));
  figures.outstandingFen = agreedFen - figures.paidFen;
  figures.rows = rowsOf(e.workers);
  figures.owed = e.workers.map((w) => ({ name: w.name, fen: w.agreedFen - w.paidFen })).filter((o) => o.fen > 0);
  if (figures.outstandingFen === 0) fail('nothing is owed any more: there is nothing to enforce');
  const due = checkDate(e.missed?.dueDate, 'the missed installment');
  const missed = figures.installments.find((x) => x.dueDate === due) ?? fail(`no installment falls due on ${due}`);
  if (!isFen(e.missed.paidFen) || e.missed.paidFen >= missed.amountFen) fail('the missed installment must have been paid less than in full');
  figures.missed = { ...missed, paidFen: e.missed.paidFen, shortFen: missed.amountFen - e.missed.paidFen };
  return figures;
}
