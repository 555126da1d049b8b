/**
 * What a wage round's documents print beyond their data, checked on the way: a contract needs clauses, both
 * signatories, and a congress vote that passed (集体合同规定 Art. 36: two thirds of the representatives present, more
 * than half of all in favour), dated in order. A document that would state something false is not made.
 */
import type { WageDocumentDataByKind } from './wage-types';
import type { WageDocumentKind } from './types';

export interface WageFigures {
  /** 应到、实到、赞成, as the documents print them */
  representatives: number;
  present: number;
  inFavour: number;
}

const fail = (why: string): never => { throw new RangeError(`wage document: ${why}`); };
const date = (d: unknown, what: string): string => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : fail(`${what} is not a date`));

export function wageFigures<K extends WageDocumentKind>(kind: K, data: WageDocumentDataByKind[K]): WageFigures {
  const { congress } = data;
  const heldOn = date(congress.heldOn, 'the congress');
  const signedOn = date(data.signedOn, 'the signing');
  const issuedOn = date(data.issuedOn, 'the document');
  if (heldOn > signedOn) fail('the contract is signed before the congress approved it');
  if (signedOn > issuedOn) fail('the document is dated before the contract was signed');
  if (!(congress.present * 3 >= congress.representatives * 2 && congress.inFavour * 2 > congress.representatives)) {
    fail('the congress did not pass the draft (Art. 36)');
  }
  if (kind === 'wage-contract') {
    const d = data as WageDocumentDataByKind['wage-contract'];
    if (d.clauses.length === 0 || d.clauses.some((c) => !c.item.trim() || !c.terms.trim())) fail('a contract needs its clauses, none empty');
    if (!d.signatories.union.trim() || !d.signatories.employer.trim()) fail('a contract needs both chief representatives');
  } else {
    const d = data as WageDocumentDataByKind['wage-filing-letter'];
    if (!d.addressedTo.trim()) fail('the letter must name the department it files with');
  }
  return { representatives: congress.representatives, present: congress.present, inFavour: congress.inFavour };
}
