/**
 * The rule of three to five representatives of a group dispute is 劳动人事争议仲裁办案规则 Art. 63 (Art. 10 is about
 * objections to jurisdiction). Code, templates, documents and tests once cited Art. 10; none may again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', '.git', 'data', '.tools', 'histories', 'dist', 'screenshots']);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|hbs|md)$/.test(name)) yield path;
  }
}

describe('citations of the arbitration case-handling rules (办案规则)', () => {
  it('cites Art. 63, never Art. 10, for the workers’ representatives', () => {
    const places = ['workflows', 'activities', 'templates', 'docs', 'test', 'api', 'db', 'bench'].flatMap((d) => [...files(join(root, d))]);
    places.push(join(root, 'README.md'));
    const wrong = places.flatMap((path) => readFileSync(path, 'utf8').split('\n').flatMap((line, n) =>
      /办案规则[^\n]{0,12}(Art\. ?10\b|第十条)/.test(line) && !path.endsWith('mediation-citations.test.ts') ? [`${relative(root, path)}:${n + 1}`] : []));
    expect(wrong).toEqual([]);
    expect(readFileSync(join(root, 'workflows/kinds/mediation/model.ts'), 'utf8')).toContain('办案规则 Art. 63');
  });
});
