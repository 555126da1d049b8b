/**
 * The staff side of the 协商码 (the round's page links to it): the public address the QR code encodes, the code as a
 * PNG, and every post with what moderation did, with a "remove" form where this person may moderate (the round's
 * `moderatePost`, sent through the one staff action route). Who may see it is who may read the round's case page
 * (caseDetail's check), and the posts are those of that page's round.
 */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { findRoundByCase, postsOfRound } from '../../../db/queries/wage-code';
import type { SignedInStaff } from '../../../db/queries/staff';
import type { Database } from '../../../db/schema';
import { POST_KIND_LABELS, type PostKind, type WageRoundView } from '../../../workflows/kinds/wage-negotiation/model';
import { shanghaiMinute } from '../../../workflows/shared/deadlines';
import { notFound } from '../../errors';
import { securityConfig } from '../../security/config';
import { caseDetail } from '../case-detail';

/** The address the QR code opens: absolute, on the public URL workers' personal links use (GONGQING_PUBLIC_URL). */
export const publicAddressOf = (code: string) => `${securityConfig.publicUrl}/negotiation/${code}`;

/** The round of a case this staff member may read; any other case number is not a round here. */
export async function roundForStaff(db: Kysely<Database>, temporal: Client, staff: SignedInStaff, caseNo: string) {
  const round = await findRoundByCase(db, caseNo);
  if (!round) throw notFound('工资集体协商');
  const detail = await caseDetail(db, temporal, staff, caseNo);
  return { detail, round, url: publicAddressOf(round.public_code) };
}

/** The QR code as a PNG, big enough to print on an A4 poster and still scan from a few metres. */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 720 });
}

export async function negotiationCodePage(db: Kysely<Database>, temporal: Client, staff: SignedInStaff, caseNo: string) {
  const { detail, round, url } = await roundForStaff(db, temporal, staff, caseNo);
  const view = detail.view as unknown as WageRoundView;
  const canModerate = detail.actions.includes('moderatePost');
  const posts = (await postsOfRound(db, caseNo, { removed: true })).map((p) => ({
    postNo: p.post_no, kindName: POST_KIND_LABELS[p.kind as PostKind], text: p.text, phoneMasked: p.phone_masked,
    postedText: shanghaiMinute(new Date(p.posted_at).getTime()),
    removed: p.removed_at ? { by: p.removed_by, reason: p.removed_reason, at: shanghaiMinute(new Date(p.removed_at).getTime()) } : null,
    canRemove: canModerate && !p.removed_at,
  }));
  return {
    case: detail.case, view, url, year: round.year, posts, canModerate,
    suggestions: posts.filter((p) => !p.removed && p.kindName === POST_KIND_LABELS.suggestion).length,
    comments: posts.filter((p) => !p.removed && p.kindName === POST_KIND_LABELS.comment).length,
    removedCount: posts.filter((p) => p.removed).length,
  };
}
