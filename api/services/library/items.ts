/** Reading library items for the pages: a topic's items, one item by its address, the items beside it. */
import type { Kysely } from 'kysely';
import type { Database, LibraryKind } from '../../../db/schema';
import { KIND_LABELS, LIBRARY_TOPICS, topicTitle } from '../../../db/seed/library/topics';

const KIND_ORDER: Record<LibraryKind, number> = { guide: 0, statute: 1, case: 2 };

/** How an item reads in a list or on its page: labels for its kind and topic, and where the law says so. */
export function presentItem<T extends { kind: LibraryKind; topic: string; law: string | null; article: string | null; slug: string }>(item: T) {
  return {
    ...item, kindLabel: KIND_LABELS[item.kind], topicTitle: topicTitle(item.topic), url: `/library/${item.slug}`,
    source: item.law ? `《${item.law}》${item.article ?? ''}` : '',
  };
}

export async function topicsWithCounts(db: Kysely<Database>) {
  const counts = await db.selectFrom('library_items').select(['topic', (eb) => eb.fn.countAll<number>().as('n')])
    .where('published', '=', true).groupBy('topic').execute();
  const n = new Map(counts.map((c) => [c.topic, Number(c.n)]));
  return LIBRARY_TOPICS.map((t) => ({ ...t, count: n.get(t.key) ?? 0, url: `/library?topic=${t.key}` }));
}

export async function itemsOfTopic(db: Kysely<Database>, topic: string) {
  const rows = await db.selectFrom('library_items').select(['id', 'slug', 'kind', 'topic', 'title', 'law', 'article', 'summary'])
    .where('topic', '=', topic).where('published', '=', true).orderBy('id').execute();
  return rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]).map(presentItem);
}

export async function publishedItem(db: Kysely<Database>, slug: string) {
  return db.selectFrom('library_items').selectAll().where('slug', '=', slug).where('published', '=', true).executeTakeFirst();
}

/** The typical cases of the same topic (the statute the case turns on first), or, for a case, the law it turns on. */
export async function relatedItems(db: Kysely<Database>, item: { id: number; kind: LibraryKind; topic: string; law: string | null; article: string | null }) {
  const rows = await db.selectFrom('library_items').select(['id', 'slug', 'kind', 'topic', 'title', 'law', 'article', 'summary'])
    .where('published', '=', true).where('id', '<>', item.id).where('topic', '=', item.topic)
    .where('kind', item.kind === 'case' ? '<>' : '=', 'case').orderBy('id').execute();
  const sameArticle = (r: { law: string | null; article: string | null }) => !!item.law && r.law === item.law && r.article === item.article;
  return rows.sort((a, b) => Number(sameArticle(b)) - Number(sameArticle(a))).slice(0, 4).map(presentItem);
}
