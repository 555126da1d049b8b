/**
 * The city union's changes to the index: an edit of the tree's names and weights (a new version, refused whole when
 * a level's weights do not sum to 1 or the tree moved on meanwhile), and the values entered for an enterprise and
 * year (refused whole when one is out of its range or belongs to a computed leaf). A refusal changes nothing.
 */
import type { Kysely } from 'kysely';
import { currentTree, saveEnteredValues, saveTreeVersion } from '../../../db/queries/negotiation-index';
import type { SignedInStaff } from '../../../db/queries/staff';
import type { Database } from '../../../db/schema';
import { applyEdits, leavesOf, showWeight, type Leaf, type NodeEdit } from '../../../workflows/shared/negotiation-index';
import { HttpError, notFound } from '../../errors';
import { indexAreaOf } from './area';

const refused = (message: string) => new HttpError(422, message, 'RULE');
const stale = (version: number) => new HttpError(409, `指标体系已被他人修改（现为第${version}版），请刷新页面后重新修改`, 'STALE');

export async function editTree(db: Kysely<Database>, staff: SignedInStaff, basedOn: number, edits: NodeEdit[], note = '') {
  const current = await currentTree(db);
  if (current.version !== basedOn) throw stale(current.version);
  const result = applyEdits(current.tree, edits);
  if (!result.ok) throw refused(result.errors.join('；'));
  if (JSON.stringify(result.tree) === JSON.stringify(current.tree)) return { version: current.version, saved: false };
  const version = await saveTreeVersion(db, basedOn, result.tree, staff.id, note);
  if (version === undefined) throw stale(basedOn + 1);
  return { version, saved: true };
}

/** The enterprise, if it is in the person's area; another district's reads as one that does not exist (404). */
export async function enterpriseInArea(db: Kysely<Database>, staff: SignedInStaff, enterpriseId: string) {
  const area = await indexAreaOf(db, staff);
  const enterprise = await db.selectFrom('enterprises').select(['id', 'name', 'street_id']).where('id', '=', enterpriseId).executeTakeFirst();
  if (!enterprise || !area.streets.some((s) => s.id === enterprise.street_id)) throw notFound('企业');
  return enterprise;
}

const rangeText = (leaf: Leaf & { source: { kind: 'entered' } }) => (leaf.scoring.kind === 'boolean'
  ? '应填1（是）或0（否）' : `应在${showWeight(leaf.source.min)}到${showWeight(leaf.source.max)}之间（单位：${leaf.unit}）`);

/** `values`: a number sets a leaf's value, null clears it; leaves not named keep theirs. */
export async function enterValues(db: Kysely<Database>, staff: SignedInStaff, enterpriseId: string, year: number, values: Record<string, number | null>) {
  await enterpriseInArea(db, staff, enterpriseId);
  const { tree, version } = await currentTree(db);
  const leaves = new Map(leavesOf(tree).map((l) => [l.code, l]));
  const errors: string[] = [];
  for (const [code, value] of Object.entries(values)) {
    const leaf = leaves.get(code);
    if (!leaf) { errors.push(`指标体系（第${version}版）中没有编码为“${code.slice(0, 20)}”的三级指标`); continue; }
    if (leaf.source.kind === 'computed') { errors.push(`“${leaf.name}”由系统根据协商和投诉记录计算，不能录入`); continue; }
    if (value === null) continue;
    const src = leaf.source;
    const wrong = !Number.isFinite(value) || value < src.min || value > src.max || (leaf.scoring.kind === 'boolean' && !Number.isInteger(value));
    if (wrong) errors.push(`“${leaf.name}”${rangeText(leaf as Leaf & { source: typeof src })}，现为${value}`);
  }
  if (errors.length) throw refused(errors.join('；'));
  const changed = await saveEnteredValues(db, enterpriseId, year, Object.entries(values).map(([code, value]) => ({ code, value })), staff.id);
  return { enterpriseId, year, changed };
}
