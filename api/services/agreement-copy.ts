/**
 * A party's own copy of the mediation agreement (issue 21): the full text on the confirmation page and the PDF to
 * keep. Only for a party of this case who proves it with the code texted to their phone (the current draft's, or an
 * earlier draft's: it still proves the party), counted against the same guess limit as the confirmation. Rendered on
 * demand from the live case, so the copy is always the draft the party is asked about.
 */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { parseMarkup, type Block } from '../../activities/documents/markup';
import { renderDocument } from '../../activities/documents/render-document';
import { findInstitution } from '../../db/queries/institutions';
import type { Database } from '../../db/schema';
import { partyCopyData } from '../../workflows/kinds/mediation/document-data';
import type { MediationView } from '../../workflows/kinds/mediation/model';
import { HttpError } from '../errors';
import { agreementForParty, checkCode } from './agreement-confirmation';
import { caseView } from './cases';

export interface PartyCopy {
  partyNo: number;
  party: ReturnType<typeof agreementForParty>;
  /** the party's own line: who they are in the agreement and what it gives them */
  ownLine: { name: string; claimedFen: number | null; agreedFen: number; isEmployer: boolean };
  title: string;
  blocks: Block[];
  pdf: Buffer;
  fileName: string;
}

/** Who drafted the agreement signs it as the mediator: the last draft's author in the case's events. */
async function mediatorOf(db: Kysely<Database>, caseNo: string): Promise<string> {
  const row = await db.selectFrom('case_events').select('actor').where('case_no', '=', caseNo).where('type', '=', 'agreement_drafted')
    .orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row?.actor ?? '调解员';
}

export async function partyCopy(db: Kysely<Database>, temporal: Client, caseNo: string, phone: string, code: string): Promise<PartyCopy> {
  const view = await caseView<MediationView>(temporal, caseNo, db).catch((err: unknown) => {
    if (err instanceof HttpError && err.statusCode === 404) return null;
    throw err;
  });
  const a = view?.agreement ?? null;
  const checked = await checkCode(db, caseNo, a?.version ?? 0, phone, code);
  const row = checked.match ?? checked.stale;
  // a wrong code, no such case, or no draft any more (back to mediation): the same answer, telling nothing
  if (!row || !view || !a) throw new HttpError(400, '手机号码或确认码不正确', 'InvalidCode');
  const [caseRow, station, mediator] = await Promise.all([
    db.selectFrom('mediation_cases').select('dispute').where('case_no', '=', caseNo).executeTakeFirst(),
    findInstitution(db, view.places.stationUnitId), mediatorOf(db, caseNo),
  ]);
  const data = partyCopyData(view, caseRow?.dispute ?? '', station?.name ?? '劳动争议调解组织', mediator);
  const doc = await renderDocument('mediation-agreement', caseNo, data);
  const isEmployer = row.party_no === view.employer.partyNo;
  const worker = view.workers.find((w) => w.partyNo === row.party_no);
  return {
    partyNo: row.party_no, party: agreementForParty(view, row.party_no),
    ownLine: {
      name: isEmployer ? view.employer.name : worker?.name ?? '', isEmployer, claimedFen: worker?.claimedFen ?? null,
      agreedFen: isEmployer ? a.totalFen : a.terms.find((t) => t.partyNo === row.party_no)?.amountFen ?? 0,
    },
    title: doc.title, blocks: parseMarkup(doc.markup), pdf: doc.bytes, fileName: `${caseNo}-调解协议书-第${a.version}稿.pdf`,
  };
}
