/**
 * The QR page's library (issue 23): topics, a search box and an item's page, all plain GET forms and links, so a phone
 * without JavaScript reads everything. Searching is rate-limited per address (app.searchLimit), with the JSON API.
 */
import type { FastifyPluginAsync } from 'fastify';
import { LIBRARY_TOPICS } from '../../../db/seed/library/topics';
import { HttpError } from '../../errors';
import { searchPageQuery, slugParams } from '../../schemas/library';
import { itemsOfTopic, presentItem, publishedItem, relatedItems, topicsWithCounts } from '../../services/library/items';
import { searchLibrary } from '../../services/library/search';

const PUBLIC = { access: 'public' as const };

/** An item's text as paragraphs: staff write one paragraph a line. */
const paragraphs = (body: string) => body.split(/\n+/).map((p) => p.trim()).filter(Boolean);

const libraryPages: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { q?: string; topic?: string } }>('/library', {
    config: PUBLIC, schema: { querystring: searchPageQuery, hide: true }, preHandler: app.searchLimit,
  }, async (req, reply) => {
    const q = (req.query.q ?? '').trim();
    const topic = req.query.topic || undefined;
    const topics = (await topicsWithCounts(app.db)).map((t) => ({ ...t, selected: t.key === topic }));
    const chosen = LIBRARY_TOPICS.find((t) => t.key === topic);
    const items = q ? (await searchLibrary(app.db, q, { topic, limit: 20 })).map(presentItem)
      : topic ? await itemsOfTopic(app.db, topic) : [];
    const heading = q ? `“${q}”的搜索结果${chosen ? `（${chosen.title}）` : ''}` : chosen?.title ?? '法律政策与典型案例';
    return reply.view('library', { title: q ? `搜索：${q}` : chosen?.title ?? '法律政策', q, topics, chosen, items, heading, searched: !!q, browsing: !q && !topic });
  });

  app.get<{ Params: { slug: string } }>('/library/:slug', { config: PUBLIC, schema: { params: slugParams, hide: true } }, async (req, reply) => {
    const item = await publishedItem(app.db, req.params.slug);
    if (!item) throw new HttpError(404, '没有找到这一条，可能已下线，请返回法律政策页搜索', 'NOT_FOUND');
    const related = await relatedItems(app.db, item);
    return reply.view('library-item', { title: item.title, item: { ...presentItem(item), paragraphs: paragraphs(item.body) }, related });
  });
};

export default libraryPages;
