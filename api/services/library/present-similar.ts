/** "Cases like mine" as the page and the JSON API show it: links to the items, past cases without their numbers. */
import { yuan } from '../../../workflows/shared/present/format';
import { presentItem } from './items';
import type { Similar } from './similar';

export function presentSimilar(s: Similar) {
  return {
    items: s.items.map((i) => {
      const p = presentItem(i);
      return { slug: p.slug, kind: p.kind, kindLabel: p.kindLabel, topic: p.topic, title: p.title, law: p.law, article: p.article, source: p.source, summary: p.summary, url: p.url, rank: p.rank };
    }),
    // The case number is left out: with the excerpt it would tie a stranger's words to a case anyone can name.
    cases: s.cases.map((c) => ({
      categoryLabel: c.categoryLabel, outcomeLabel: c.outcomeLabel, excerpt: c.excerpt, workerCount: c.workerCount,
      recoveredFen: c.recoveredFen, recoveredYuan: c.recoveredFen ? yuan(c.recoveredFen) : null, closedAt: c.closedAt,
    })),
    found: s.items.length + s.cases.length > 0,
  };
}
