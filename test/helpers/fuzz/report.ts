/**
 * What went wrong, for the report: violations grouped by cause (so that one cause seen on many routes is one line),
 * each with a count, its routes and the shortest example request and answer, invisible characters spelled out.
 */
import type { Built } from './build';
import { messageOf } from './judge';
import type { Answer } from './send';

/** One cause, however many routes show it: Fastify's own answers by their code, the rest per route and problem. */
function causeOf(route: string, problems: string[], a: Answer | undefined): { key: string; title: string } {
  const fst = a && /"code":"(FST_[A-Z_]+)"/.exec(a.text)?.[1];
  if (fst) return { key: fst, title: `Fastify's own ${a!.status} answer ${fst} (English, framework code, not the app's {error, message} or page)` };
  if (a && /application\/json|text\/html/.test(a.type) && problems.every((p) => /answered text\/html|answered application\/json/.test(p))) {
    return { key: `type|${route.split(' ')[1].split('/')[1]}|${a.type}`, title: `${problems[0]} (${route.split(' ')[1].split('/').slice(0, 2).join('/')}/…)` };
  }
  return { key: `${route}|${problems.join('; ')}`, title: `${route}: ${problems.join('; ')}` };
}

/** the example as a person can read it: invisible and unassigned characters as \u{…} */
const visible = (v: string) => v.replace(/[^\t\n\r\P{Cc}]|[\p{Cn}\p{Co}\p{Cs}\p{Cf}]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);

interface Violation { title: string; routes: Set<string>; count: number; example: string }

/** Every violation is kept (not just the first), by cause, so that one run shows all that is wrong. */
export class Violations {
  private readonly byCause = new Map<string, Violation>();

  record(route: string, problems: string[], b: Built, a: Answer | undefined, extra = ''): void {
    const { key, title } = causeOf(route, problems, a);
    const v = this.byCause.get(key);
    const example = visible([
      `${b.method} ${b.path.slice(0, 300)}`,
      `  as ${b.who}; defects: ${b.defects.join('; ').slice(0, 400)}`,
      ...Object.entries(b.headers).map(([k, x]) => `  ${k}: ${JSON.stringify(x).slice(0, 200)}`),
      ...(b.body !== undefined ? [`  body: ${b.body.slice(0, 400)}`] : []),
      ...(a ? [`  → ${a.status || 'no answer'}${a.location ? ` → ${a.location.slice(0, 120)}` : ''} ${a.type}: ${(messageOf(a).message ?? a.text.replace(/\s+/g, ' ')).slice(0, 400)}`] : []),
      ...(extra ? [`  ${extra}`] : []),
    ].join('\n'));
    if (v) {
      v.count += 1;
      v.routes.add(route);
      if (example.length < v.example.length) v.example = example;
    } else this.byCause.set(key, { title, routes: new Set([route]), count: 1, example });
  }

  /** how many kinds of violation (causes) were seen */
  get size(): number { return this.byCause.size; }

  /** each cause with its count, routes and example ('' when there were none) */
  report(): string {
    return [...this.byCause.values()].map((v) => `✗ ${v.title}: ${v.count}×${v.routes.size > 1 ? ` at ${v.routes.size} routes (${[...v.routes].join(', ')})` : ''}\n${v.example}`).join('\n\n');
  }
}
