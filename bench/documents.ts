/**
 * Documents (PDF): how fast activities/documents makes the five legal documents (issue 16), with no Temporal and no
 * database: renderDocument alone (figures, template, layout, font subset, PDF), in this process. Each kind is made for
 * a case of 3 workers and for the Xiamen case of 43 (bench/lib/document-data.ts), one at a time and then `concurrency`
 * at a time, each combination for `seconds` (at least `minDocs` documents). Concurrent renders share this process's
 * one JavaScript thread, as a worker's activities do: they show the latency of a document made beside others.
 * The first document of the process (font files read, templates compiled) is timed on its own and not counted, and
 * each kind and case is made once before it is timed.
 */
import { renderDocument, type RenderedDocument } from '../activities/documents/render-document';
import { DOCUMENT_KINDS, type DocumentKind } from '../activities/documents/types';
import { documentCases, type DocumentCase } from './lib/document-data';
import { cpuMeter } from './lib/proc';
import { summarize, type Summary } from './lib/stats';

export interface DocumentCell {
  kind: DocumentKind;
  /** the case's label: "3 workers", "43 workers (Xiamen)" */
  dispute: string;
  workers: number;
  concurrency: number;
  docs: number;
  seconds: number;
  perSec: number;
  latency: Summary;
  pages: number;
  bytes: number;
  /** timed renders whose bytes differed from the untimed one of the same kind and case (the same data gives the same bytes): 0 */
  differing: number;
}

export interface DocumentsResult {
  /** the first document of the process: the 26 MB font files read, the templates compiled */
  coldMs: number;
  font: string;
  cells: DocumentCell[];
  /** all cells of one concurrency: documents ÷ the sum of their wall times, the latencies pooled */
  overall: { concurrency: number; docs: number; seconds: number; perSec: number; latency: Summary; cpu: { bench: number; other: number } }[];
  rssMiB: number;
}

const render = <K extends DocumentKind>(kind: K, dc: DocumentCase) => renderDocument(kind, dc.caseNo, dc.data[kind]);

/**
 * Settings (not results). A document takes about a third of a second of CPU, so BENCH_QUICK=1 makes one of each kind
 * and case one at a time and one per lane beside (about 50 documents with the untimed ones, 15–30 s).
 */
export const documentSettings = (quick: boolean) => ({ seconds: quick ? 0 : 3, minDocs: quick ? 1 : 10, concurrency: [1, 4] });

export async function measureDocuments(opts: {
  seconds: number; minDocs: number; concurrency: number[]; log?: (s: string) => void;
}): Promise<DocumentsResult> {
  const c0 = performance.now();
  await render('mediation-agreement', documentCases[0]);
  const coldMs = performance.now() - c0;

  // Not timed: each kind and case once, which also gives its pages, bytes and hash.
  const samples = new Map<string, RenderedDocument>();
  for (const dc of documentCases) {
    for (const kind of DOCUMENT_KINDS) samples.set(`${dc.caseNo}/${kind}`, await render(kind, dc));
  }

  const cells: DocumentCell[] = [];
  const overall: DocumentsResult['overall'] = [];
  for (const concurrency of opts.concurrency) {
    const timed: { cell: DocumentCell; latencies: number[] }[] = [];
    // CPU in % of one core of this process and of everything else on the machine (a busy neighbour slows documents).
    const meter = cpuMeter({ bench: () => [process.pid] });
    meter.start();
    for (const dc of documentCases) {
      for (const kind of DOCUMENT_KINDS) {
        const sample = samples.get(`${dc.caseNo}/${kind}`)!;
        const latencies: number[] = [];
        let differing = 0;
        const t0 = performance.now();
        const until = t0 + opts.seconds * 1000;
        const lane = async () => {
          while (performance.now() < until || latencies.length < opts.minDocs) {
            const s = performance.now();
            const doc = await render(kind, dc);
            latencies.push(performance.now() - s);
            if (doc.sha256 !== sample.sha256) differing += 1;
          }
        };
        await Promise.all(Array.from({ length: concurrency }, lane));
        const seconds = (performance.now() - t0) / 1000;
        timed.push({
          cell: {
            kind, dispute: dc.label, workers: dc.workers, concurrency, docs: latencies.length, seconds, perSec: latencies.length / seconds,
            latency: summarize(latencies), pages: sample.pages, bytes: sample.bytes.length, differing,
          },
          latencies,
        });
      }
    }
    const docs = timed.reduce((a, t) => a + t.cell.docs, 0);
    const seconds = timed.reduce((a, t) => a + t.cell.seconds, 0);
    const cpu = meter.stop();
    overall.push({
      concurrency, docs, seconds, perSec: docs / seconds, latency: summarize(timed.flatMap((t) => t.latencies)),
      cpu: { bench: cpu.bench, other: cpu.other },
    });
    opts.log?.(`documents, ${concurrency} at a time: ${docs} in ${seconds.toFixed(1)} s = ${(docs / seconds).toFixed(1)}/s`);
    cells.push(...timed.map((t) => t.cell));
  }
  return {
    coldMs, font: process.env.GONGQING_CJK_FONT || '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc (default)',
    cells, overall, rssMiB: process.memoryUsage().rss / 1024 / 1024,
  };
}
