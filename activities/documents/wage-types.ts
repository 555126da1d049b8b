/**
 * The documents of a wage-negotiation round (DOMAIN §5; 集体合同规定): the wage contract as signed, and the letter that
 * files it with HR & social security. Workflows import these types only. Dates are calendar dates (YYYY-MM-DD,
 * Asia/Shanghai), printed in Chinese. `station` is the enterprise union that files, as other documents name their maker.
 */
import type { Station } from './types';

export interface WageClause {
  item: string;
  terms: string;
}

/** 工资专项集体合同: the clauses agreed, approved by the workers' congress, signed by both chief representatives. */
export interface WageContractData {
  station: Station;
  enterprise: string;
  year: number;
  clauses: WageClause[];
  congress: { heldOn: string; representatives: number; present: number; inFavour: number };
  signatories: { union: string; employer: string };
  signedOn: string;
  issuedOn: string;
}

/** 工资专项集体合同报送审查函: the union files the signed contract with HR & social security (Art. 42). */
export interface WageFilingLetterData {
  station: Station;
  /** HR & social security's unit addressed, e.g. 杭州市西湖区人力资源和社会保障局 */
  addressedTo: string;
  enterprise: string;
  year: number;
  signedOn: string;
  congress: { heldOn: string; representatives: number; present: number; inFavour: number };
  clauseCount: number;
  /** the review period the letter cites (集体合同规定 Art. 47: 15 days) */
  objectionDays: number;
  issuedOn: string;
}

export interface WageDocumentDataByKind {
  'wage-contract': WageContractData;
  'wage-filing-letter': WageFilingLetterData;
}
