/**
 * The index as CSV for Excel: UTF-8 with a byte-order mark (without it Excel on Windows reads the Chinese as GBK),
 * CRLF line ends, every field quoted; the city first, then each street followed by its enterprises.
 */
import type { IndexReport } from './report';

const field = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
const score = (x: number) => x.toFixed(2);

export function indexCsv(r: IndexReport): string {
  const dims = r.tree.dimensions;
  const head = ['层级', '街道', '企业', '纳入企业数', '总分', ...dims.map((d) => `${d.name}（权重${d.weight}）`), '有数据的三级指标'];
  const rows: (string | number)[][] = [];
  if (r.city) rows.push(['全市', '', '', r.city.enterprises, score(r.city.total), ...dims.map((d) => score(r.city!.dimensions[d.code])), '']);
  for (const s of r.streets) {
    rows.push(['街道', s.name, '', s.enterprises, score(s.total), ...dims.map((d) => score(s.dimensions[d.code])), '']);
    for (const e of s.rows) {
      rows.push(['企业', s.name, e.name, '', score(e.score.total), ...dims.map((d) => score(e.score.dimensions[d.code])), `${e.score.valued}/${e.score.leaves}`]);
    }
  }
  return `\uFEFF${[head, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
