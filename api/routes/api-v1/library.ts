/**
 * The library's JSON API (issue 23): public, rate-limited per address like the pages (app.searchLimit), validated by
 * schema with zh-CN refusals. `similar` is what the intake page asks as the worker types.
 */
import type { FastifyPluginAsync } from 'fastify';
import { answers } from '../../schemas/responses';
import { searchAnswer, searchQuery, similarAnswer, similarQuery } from '../../schemas/library';
import { presentItem } from '../../services/library/items';
import { presentSimilar } from '../../services/library/present-similar';
import { searchLibrary } from '../../services/library/search';
import { casesLikeMine } from '../../services/library/similar';

const libraryRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { q?: string; topic?: string; limit?: number } }>('/library/search', {
    config: { access: 'public' }, preHandler: app.searchLimit,
    schema: { tags: ['public'], summary: '搜索法律政策与典型案例（中文，几个字即可）', querystring: searchQuery, response: answers({ 200: searchAnswer }, 429) },
  }, async (req) => {
    const q = (req.query.q ?? '').trim();
    const hits = q ? await searchLibrary(app.db, q, { topic: req.query.topic, limit: req.query.limit ?? 10 }) : [];
    return {
      query: q,
      items: hits.map((h) => {
        const p = presentItem(h);
        return { slug: p.slug, kind: p.kind, topic: p.topic, title: p.title, law: p.law, article: p.article, summary: p.summary, url: p.url, rank: p.rank };
      }),
    };
  });

  app.get<{ Querystring: { description: string; category?: string } }>('/library/similar', {
    config: { access: 'public' }, preHandler: app.searchLimit,
    schema: { tags: ['public'], summary: '类似情况：与诉求描述最相近的法律条目和已办结案例（已匿名）', querystring: similarQuery, response: answers({ 200: similarAnswer }, 429) },
  }, async (req) => {
    const { items, cases } = presentSimilar(await casesLikeMine(app.db, req.query.description, { category: req.query.category }));
    return { items, cases };
  });
};

export default libraryRoutes;
