/**
 * Two panels against offered load, one line style per variant: intake latency p50/p95/p99 (what the person filing
 * waits for) and SMS fan-out p50/p95 from filing (what the worker's backlog adds; the intake answer alone hides it). Drawn as an
 * SVG by hand and turned into a PNG with @resvg/resvg-js (a prebuilt binary from npm: no browser, no canvas build).
 * Log scale: once the worker falls behind, values grow by orders of magnitude.
 */
import { writeFileSync } from 'node:fs';
import type { IntakeRunData, Phase } from './report';
import { phaseDetail } from './report';

const W = 1330;
const H = 530;
const PANEL = { top: 60, height: 400, width: 420 };
const LEFTS = [80, 590];
const COLORS: Record<string, string> = { p50: '#1b7837', p95: '#d95f02', p99: '#7570b3' };
/** one line style per phase: the dev server's, the cluster's (issue 24) and the "before" phases each their own */
const DASHES = ['', '9 5', '2 4', '14 4 3 4', '5 3', '1 6'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface Series { color: string; dash: string; points: { x: number; y: number }[] }

function panel(left: number, title: string, unit: string, series: Series[], xMax: number): string {
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y) => y > 0);
  const yLo = Math.pow(10, Math.floor(Math.log10(Math.min(...ys, 1e9) || 1)));
  const yHi = Math.pow(10, Math.ceil(Math.log10(Math.max(...ys, yLo * 10))));
  const { top, height: ph, width: pw } = PANEL;
  const px = (x: number) => left + (x / xMax) * pw;
  const py = (y: number) => top + ph - ((Math.log10(y) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) * ph;
  const out: string[] = [`<text x="${left}" y="${top - 12}" font-size="15" font-weight="bold">${esc(title)}</text>`];
  for (let dec = yLo; dec < yHi * 1.0001; dec *= 10) {
    for (const m of [1, 2, 5]) {
      const v = dec * m;
      if (v > yHi * 1.0001) continue;
      out.push(`<line x1="${left}" x2="${left + pw}" y1="${py(v)}" y2="${py(v)}" stroke="${m === 1 ? '#bbb' : '#e8e8e8'}"/>`);
      out.push(`<text x="${left - 6}" y="${py(v) + 4}" font-size="11" text-anchor="end">${v >= 1 ? v : Number(v.toPrecision(1))}</text>`);
    }
  }
  const xTicks = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  for (const x of xTicks) {
    out.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${top}" y2="${top + ph}" stroke="#eee"/>`);
    out.push(`<text x="${px(x)}" y="${top + ph + 16}" font-size="11" text-anchor="middle">${x}</text>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${left + pw / 2}" y="${top + ph + 36}" font-size="13" text-anchor="middle">offered load (requests/s)</text>`);
  out.push(`<text transform="translate(${left - 52} ${top + ph / 2}) rotate(-90)" font-size="13" text-anchor="middle">${esc(unit)} (log scale)</text>`);
  for (const s of series) {
    const pts = s.points.filter((p) => p.y > 0);
    if (pts.length === 0) continue;
    const d = pts.map((p, j) => `${j ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const p of pts) out.push(`<circle cx="${px(p.x)}" cy="${py(p.y)}" r="3.5" fill="${s.color}"/>`);
  }
  return out.join('');
}

export function buildSvg(d: IntakeRunData): string {
  const xMax = Math.max(1, ...d.phases.flatMap((p) => p.steps.map((s) => s.step.offered))) * 1.08;
  const lines = (pick: (p: Phase) => Record<string, number[]>) => d.phases.flatMap((p, i) =>
    Object.entries(pick(p)).map(([q, ys]) => ({
      color: COLORS[q], dash: DASHES[i % DASHES.length],
      points: p.steps.map((s, j) => ({ x: s.step.offered, y: ys[j] })).filter((pt) => Number.isFinite(pt.y)),
    })));
  const latency = lines((p) => ({ p50: p.steps.map((s) => s.step.latency.p50), p95: p.steps.map((s) => s.step.latency.p95), p99: p.steps.map((s) => s.step.latency.p99) }));
  const fanout = lines((p) => ({ p50: p.steps.map((s) => s.fanout.fanout.p50 / 1000), p95: p.steps.map((s) => s.fanout.fanout.p95 / 1000) }));

  const parts = [`<rect width="${W}" height="__H__" fill="white"/>`,
    `<text x="${LEFTS[0]}" y="26" font-size="18" font-weight="bold">Gongqing intake, ${esc(d.date.toISOString().slice(0, 10))}: POST /api/v1/grievances at fixed offered rates</text>`,
    panel(LEFTS[0], 'HTTP intake latency', 'ms', latency, xMax),
    panel(LEFTS[1], 'SMS fan-out: filed (request sent) → fifth intake notice', 's', fanout, xMax)];
  // Legend: colour = percentile, line style = variant.
  const lx = LEFTS[1] + PANEL.width + 25;
  let ly = PANEL.top + 10;
  for (const [q, c] of Object.entries(COLORS)) {
    parts.push(`<line x1="${lx}" x2="${lx + 30}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="3"/><text x="${lx + 38}" y="${ly + 4}" font-size="12">${q}</text>`);
    ly += 20;
  }
  ly += 10;
  d.phases.forEach((p, i) => {
    parts.push(`<line x1="${lx}" x2="${lx + 30}" y1="${ly}" y2="${ly}" stroke="#333" stroke-width="2.5"${DASHES[i % DASHES.length] ? ` stroke-dasharray="${DASHES[i % DASHES.length]}"` : ''}/>`);
    parts.push(`<text x="${lx + 38}" y="${ly + 4}" font-size="12">${esc(p.name)}</text>`);
    // One line per clause and per setting (K=V): a variant's env on one line ran past the picture's edge.
    const detail = phaseDetail(d, p).flatMap((t) => t.split(/(?<=[);,]) | (?=\(")| (?=[A-Z][A-Z0-9_]*=)/));
    detail.forEach((t, k) => parts.push(`<text x="${lx + 38}" y="${ly + 20 + k * 14}" font-size="9" fill="#555">${esc(t)}</text>`));
    ly += 34 + detail.length * 14;
  });
  // Taller than the panels when the legend of many phases needs it.
  const h = Math.max(H, Math.ceil(ly + 10));
  parts[0] = parts[0].replace('__H__', String(h));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="DejaVu Sans, Noto Sans, sans-serif">${parts.join('')}</svg>`;
}

/** Writes the PNG and returns its path. The native module loads lazily, so if it fails the tables are still written. */
export async function renderChart(d: IntakeRunData, file: string): Promise<string> {
  const svg = buildSvg(d);
  try {
    const { Resvg } = await import('@resvg/resvg-js');
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: W * 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
    writeFileSync(file, png);
    return file;
  } catch (err) {
    const svgFile = file.replace(/\.png$/, '.svg');
    writeFileSync(svgFile, svg);
    console.error(`[bench] PNG rendering failed (${(err as Error).message}); wrote ${svgFile} instead`);
    return svgFile;
  }
}
