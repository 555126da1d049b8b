/**
 * District staff keep the library (issue 23): add, edit, unpublish and publish again. Each change is one transaction
 * that writes the item and a row of library_item_edits (who, when, each field before and after); a save that changes
 * nothing records nothing. Search then forgets its cached key terms.
 */
import type { Kysely } from 'kysely';
import type { SignedInStaff } from '../../../db/queries/staff';
import type { Database, LibraryItemTable } from '../../../db/schema';
import { badRequest, HttpError } from '../../errors';
import { forgetVocabulary } from './vocabulary';

export const EDITABLE = ['kind', 'topic', 'title', 'law', 'article', 'summary', 'body', 'keywords'] as const;
type Editable = (typeof EDITABLE)[number];
export type ItemValues = Record<Editable, string> & { slug?: string };
type Row = Pick<LibraryItemTable, Editable> & { id: number };

/** The form's text as the row holds it: lines kept, spaces at the ends dropped, law and article absent when empty. */
function normalise(form: Record<string, string | undefined>) {
  const t = (k: string) => (form[k] ?? '').replace(/\r\n?/g, '\n').trim();
  const values = {
    kind: t('kind') as Row['kind'], topic: t('topic'), title: t('title'), law: t('law') || null, article: t('article') || null,
    summary: t('summary'), body: t('body'), keywords: t('keywords').replace(/\s+/g, ' '),
  };
  if (values.kind === 'statute' && (!values.law || !values.article)) throw badRequest('法条释义须填写法律名称和条款（如“劳动法”“第四十四条”）');
  if (values.article && !values.law) throw badRequest('填写了条款时，请同时填写法律名称');
  for (const k of ['title', 'summary', 'body'] as const) if (!values[k]) throw badRequest(`请填写${{ title: '标题', summary: '摘要', body: '正文' }[k]}`);
  return values;
}

const record = (trx: Kysely<Database>, itemId: number, action: 'created' | 'edited' | 'unpublished' | 'republished', staff: SignedInStaff, changes: Record<string, [unknown, unknown]>) =>
  trx.insertInto('library_item_edits').values({ item_id: itemId, action, editor_id: staff.id, editor_name: staff.display_name, changes: JSON.stringify(changes) }).execute();

export async function createItem(db: Kysely<Database>, staff: SignedInStaff, form: Record<string, string | undefined>): Promise<number> {
  const values = normalise(form);
  const slug = (form.slug ?? '').trim();
  if (!slug) throw badRequest('请填写网址名（小写字母、数字和连字符，如 overtime-pay）');
  const id = await db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('library_items').select('id').where('slug', '=', slug).executeTakeFirst();
    if (taken) throw new HttpError(409, `网址名“${slug}”已被其他条目使用，请换一个`, 'SLUG_TAKEN');
    const { id } = await trx.insertInto('library_items').values({ ...values, slug, updated_at: new Date(), updated_by: staff.username })
      .returning('id').executeTakeFirstOrThrow();
    await record(trx, id, 'created', staff, Object.fromEntries(Object.entries({ slug, ...values }).map(([k, v]) => [k, [null, v]])));
    return id;
  });
  forgetVocabulary(db);
  return id;
}

/** Saves what changed; answers whether anything did. */
export async function updateItem(db: Kysely<Database>, staff: SignedInStaff, id: number, form: Record<string, string | undefined>): Promise<boolean> {
  const values = normalise(form);
  const changed = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('library_items').select(['id', ...EDITABLE]).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new HttpError(404, '条目不存在', 'NOT_FOUND');
    const changes = Object.fromEntries(EDITABLE.filter((k) => before[k] !== values[k]).map((k) => [k, [before[k], values[k]] as [unknown, unknown]]));
    if (!Object.keys(changes).length) return false;
    await trx.updateTable('library_items').set({ ...values, updated_at: new Date(), updated_by: staff.username }).where('id', '=', id).execute();
    await record(trx, id, 'edited', staff, changes);
    return true;
  });
  if (changed) forgetVocabulary(db);
  return changed;
}

export async function setPublished(db: Kysely<Database>, staff: SignedInStaff, id: number, published: boolean): Promise<boolean> {
  const changed = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('library_items').select('published').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw new HttpError(404, '条目不存在', 'NOT_FOUND');
    if (before.published === published) return false;
    await trx.updateTable('library_items').set({ published, updated_at: new Date(), updated_by: staff.username }).where('id', '=', id).execute();
    await record(trx, id, published ? 'republished' : 'unpublished', staff, { published: [before.published, published] });
    return true;
  });
  if (changed) forgetVocabulary(db);
  return changed;
}

export async function itemForStaff(db: Kysely<Database>, id: number) {
  return db.selectFrom('library_items').select(['id', 'slug', 'published', 'updated_at', 'updated_by', ...EDITABLE]).where('id', '=', id).executeTakeFirst();
}

export async function editsOf(db: Kysely<Database>, id: number) {
  return db.selectFrom('library_item_edits').select(['action', 'editor_name', 'changes', 'at']).where('item_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').execute();
}

export async function itemsForStaff(db: Kysely<Database>) {
  return db.selectFrom('library_items').select(['id', 'slug', 'kind', 'topic', 'title', 'law', 'article', 'published', 'updated_at', 'updated_by'])
    .orderBy('topic').orderBy('id').execute();
}
