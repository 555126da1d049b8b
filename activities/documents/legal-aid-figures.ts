/**
 * The sums and facts the legal-aid documents state, computed once in code rather than in templates: what the workers
 * claim in all, how many parties stand on each side (several debtors are jointly liable), what is still owed after a
 * decision, the days an appeal has. Also where their data is checked: a document that states a sum nobody owes, a
 * decision served after the appeal against it, or a judgment called a ruling must never be printed. Only numbers and
 * flags here: every name a template prints comes from the data, which render-template.ts keeps on one line.
 */
import { checkDate, fail, isFen } from './document-figures';
import type { AidedWorker, Debtor, EarlierDecision, LegalAidDocumentDataByKind } from './legal-aid-types';
import type { LegalAidDocumentKind } from './types';

export interface LegalAidFigures {
  workerCount: number;
  /** more than one worker: 申请人一、申请人二…, 张三等N人, and the list attached (附表) */
  group: boolean;
  /** what the workers claim in this proceeding, in all */
  claimedFen: number;
  debtorCount: number;
  /** more than one debtor (a branch and its head office): numbered, and jointly liable (承担连带责任) */
  jointly: boolean;
  /** an award or judgment before this proceeding gave less than is claimed now: by how much */
  beyondEarlierFen: number;
  /** appeal only: against a 判决 (15 days from service) or a 裁定 (10 days), 民事诉讼法 Art. 171 */
  appeal: { word: '判决' | '裁定'; days: number } | null;
  /** enforcement only: what the decision awarded, what the workers received so far, what is still owed */
  awardedFen: number;
  recoveredFen: number;
  owedFen: number;
  /** enforcement only: the basis is a labour arbitration commission's, so 劳动争议调解仲裁法 Art. 51 applies too */
  arbitralBasis: boolean;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function checkFen(value: unknown, what: string): number {
  if (!isFen(value)) fail(`${what}: an amount must be whole fen ≥ 0, got ${String(value)}`);
  return value;
}

function checkWorkers(workers: AidedWorker[]): void {
  if (!Array.isArray(workers) || workers.length === 0) fail('a legal-aid document needs at least one worker');
  workers.forEach((w, i) => {
    if (!w.name?.trim()) fail(`worker ${i + 1} has no name`);
    checkFen(w.claimedFen, `worker ${i + 1} (${w.name})`);
  });
}

function checkDebtors(debtors: Debtor[]): void {
  if (!Array.isArray(debtors) || debtors.length === 0) fail('a legal-aid document needs at least one debtor');
  debtors.forEach((d, i) => {
    if (!d.name?.trim() || !d.address?.trim()) fail(`debtor ${i + 1} needs a name and an address (住所)`);
    if (!d.representative?.name?.trim()) fail(`debtor ${i + 1} (${d.name}) needs its 法定代表人 or 主要负责人`);
  });
}

/** Not before, not after: `first` falls on or before `then`. */
function inOrder(first: string, then: string, what: string): void {
  if (first > then) fail(`${what}: ${first} is after ${then}`);
}

function checkLines(lines: unknown, what: string): void {
  if (!Array.isArray(lines) || lines.length === 0 || lines.some((l) => typeof l !== 'string' || !l.trim())) fail(`${what}: at least one line, none empty`);
}

function checkEarlier(earlier: EarlierDecision, issuedOn: string, what: string): void {
  const served = checkDate(earlier.servedOn, `${what}: the day it was served`);
  inOrder(served, issuedOn, `${what} was served after this document is dated`);
  if (earlier.effectiveOn !== undefined) inOrder(checkDate(earlier.effectiveOn, `${what}: the day it took effect`), issuedOn, `${what} takes effect after this document is dated`);
  checkFen(earlier.awardedFen, `${what}: what it awarded`);
  if (!earlier.title?.trim() || !earlier.number?.trim() || !earlier.issuedBy?.trim()) fail(`${what} needs its title, number and issuer`);
}

export function legalAidFigures<K extends LegalAidDocumentKind>(kind: K, data: LegalAidDocumentDataByKind[K]): LegalAidFigures {
  checkWorkers(data.workers);
  checkDebtors(data.debtors);
  const issuedOn = checkDate(data.issuedOn, 'the date of the document');
  const claimedFen = sum(data.workers.map((w) => w.claimedFen));
  const figures: LegalAidFigures = {
    workerCount: data.workers.length, group: data.workers.length > 1, claimedFen,
    debtorCount: data.debtors.length, jointly: data.debtors.length > 1,
    beyondEarlierFen: 0, appeal: null, awardedFen: 0, recoveredFen: 0, owedFen: 0, arbitralBasis: false,
  };
  if ('requests' in data) checkLines(data.requests, 'the requests');

  switch (kind) {
    case 'legal-aid-assignment': {
      const d = data as LegalAidDocumentDataByKind['legal-aid-assignment'];
      inOrder(checkDate(d.decidedOn, 'the day legal aid was decided'), issuedOn, 'legal aid is decided after the letter is dated');
      inOrder(issuedOn, checkDate(d.acceptBy, 'the day to accept by'), 'the lawyer must accept after the letter is dated');
      if (!d.meansTest?.trim()) fail('the letter must say which ground of the means test applied');
      break;
    }
    case 'civil-complaint':
    case 'appeal-petition': {
      const d = data as LegalAidDocumentDataByKind['civil-complaint'] | LegalAidDocumentDataByKind['appeal-petition'];
      if (!d.earlier) break;
      checkEarlier(d.earlier, issuedOn, kind === 'appeal-petition' ? 'the first-instance decision' : 'the award');
      figures.beyondEarlierFen = Math.max(0, claimedFen - d.earlier.awardedFen);
      if (kind !== 'appeal-petition') break;
      const { kind: decision, title } = (d as LegalAidDocumentDataByKind['appeal-petition']).earlier;
      const word = decision === 'judgment' ? '判决' : decision === 'ruling' ? '裁定' : fail(`an appeal is against a judgment or a ruling, not ${String(decision)}`);
      if (!title.includes(word)) fail(`the decision appealed is a ${decision}, but its title reads ${title}`);
      figures.appeal = { word, days: word === '判决' ? 15 : 10 };
      break;
    }
    case 'aid-enforcement-application': {
      const d = data as LegalAidDocumentDataByKind['aid-enforcement-application'];
      checkEarlier(d.basis, issuedOn, 'the decision to enforce');
      figures.awardedFen = checkFen(d.awardedFen, 'what the decision awarded');
      figures.recoveredFen = checkFen(d.recoveredFen, 'what was received');
      if (figures.recoveredFen > figures.awardedFen) fail('more was received than the decision awarded');
      figures.owedFen = figures.awardedFen - figures.recoveredFen;
      if (figures.owedFen === 0) fail('nothing is owed any more: there is nothing to enforce');
      figures.arbitralBasis = d.basis.issuedBy.includes('仲裁');
      break;
    }
    case 'support-prosecution-request': {
      const d = data as LegalAidDocumentDataByKind['support-prosecution-request'];
      // The request states the sum once and the attached list each worker's part: they must be the same sum.
      if (checkFen(d.claimedFen, 'the sum claimed') !== claimedFen) fail(`the workers' claims add up to ${claimedFen} fen, but the request states ${d.claimedFen}`);
      if (!d.reasons?.trim()) fail('the request must say why the workers need the support');
      break;
    }
    case 'pre-litigation-report': {
      const d = data as LegalAidDocumentDataByKind['pre-litigation-report'];
      inOrder(checkDate(d.receivedOn, 'the day the delegation was received'), issuedOn, 'the delegation is received after the report is dated');
      if (d.result?.kind === 'agreed') {
        if (!checkFen(d.result.totalFen, 'the sum agreed')) fail('an agreement must give the workers something');
        if (!d.result.payment?.trim()) fail('an agreement must say how the sum is paid');
      } else if (d.result?.kind === 'failed') checkLines(d.result.reasons, 'why no agreement was reached');
      else fail('the result is agreed or failed');
      break;
    }
  }
  return figures;
}
