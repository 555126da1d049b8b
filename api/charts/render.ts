/**
 * A chart as an image a supervisor can paste into a report: a Vega-Lite spec compiled to Vega, drawn headless to SVG
 * by Vega's own string renderer, then rasterised to PNG by resvg with the CJK font (api/charts/fonts.ts). The data is
 * always inline: the loader refuses every URL and file, so rendering never reaches out.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FAMILY, chartFontFile } from './fonts';

/**
 * Without a canvas, Vega guesses a label's width as 0.8 em a character, which clips Chinese (a full em each). This
 * guess counts CJK and full-width characters as 1 em and the rest as 0.6 em; labels then fit the way resvg draws them.
 */
type TextMetrics = { width: (item: { fontSize?: number; text?: unknown }, text?: unknown) => number };
const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
metrics.width = (item, text) => {
  const s = String(text ?? item.text ?? '');
  const size = item.fontSize ?? 11;
  let em = 0;
  for (const ch of s) em += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.6;
  return Math.ceil(em * size);
};

const refuseLoading = {
  load: () => Promise.reject(new Error('charts use inline data only')),
  sanitize: () => Promise.reject(new Error('charts use inline data only')),
  http: () => Promise.reject(new Error('charts use inline data only')),
  file: () => Promise.reject(new Error('charts use inline data only')),
};

/** Applied under every spec: the CJK font everywhere, a white background, text a little larger than Vega's default. */
const BASE_CONFIG = {
  font: CHART_FONT_FAMILY, background: 'white',
  axis: { labelFontSize: 12, titleFontSize: 13, labelLimit: 400 }, legend: { labelFontSize: 12, titleFontSize: 13, labelLimit: 300 },
  title: { fontSize: 16, anchor: 'start' },
} as const;

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const withConfig = { ...spec, config: { ...BASE_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(withConfig).spec), { renderer: 'none', loader: refuseLoading as unknown as vega.Loader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** `scale` 2: twice the spec's pixel size, sharp when pasted into a document or printed. */
export async function chartPng(spec: TopLevelSpec, scale = 2): Promise<Buffer> {
  const svg = await chartSvg(spec);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: [chartFontFile()], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
  });
  return resvg.render().asPng();
}
