/**
 * The library's seed (issue 23): the items written for this project, loaded by `seedDemo` for npm start and every
 * test's database. Idempotent and respectful of staff: an item whose slug is already there is left as it is, so an
 * edit on /staff/library is never undone by a restart.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../schema';
import { CASE_ITEMS, GUIDE_ITEMS } from './cases-guides';
import { CONTRACT_LAW_ITEMS } from './contract-law';
import { LABOUR_LAW_ITEMS } from './labour-law';
import { PROTECTION_LAW_ITEMS } from './protection-law';
import type { LibrarySeedItem } from './topics';

export const LIBRARY_ITEMS: readonly LibrarySeedItem[] = [
  ...GUIDE_ITEMS, ...CONTRACT_LAW_ITEMS, ...LABOUR_LAW_ITEMS, ...PROTECTION_LAW_ITEMS, ...CASE_ITEMS,
];

export async function seedLibrary(trx: Transaction<Database>): Promise<void> {
  const rows = LIBRARY_ITEMS.map((i) => ({
    slug: i.slug, kind: i.kind, topic: i.topic, title: i.title, law: i.law ?? null, article: i.article ?? null,
    summary: i.summary, body: i.body, keywords: i.keywords ?? '', updated_at: new Date(), updated_by: null,
  }));
  await trx.insertInto('library_items').values(rows).onConflict((oc) => oc.column('slug').doNothing()).execute();
}
