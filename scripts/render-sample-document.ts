/**
 * The sample page of docs/documents.md: the first page of the 调解协议书 of the demo case (db/seed/demo-mediation.ts:
 * 43 workers, 3,620,000 yuan, opened by the Xihu station's mediator), as its workflow would make it once the station
 * agreed the claims in full in three installments and the paper copies were signed: the same document data
 * (workflows/kinds/mediation/document-data.ts), identity numbers masked as on anything published. Written to
 * docs/sample-mediation-agreement-p1.png, 1000 px wide.
 *
 *   node --import tsx scripts/render-sample-document.ts
 *
 * The PNG is committed and never made at run time, so the converter is a developer's tool, not a dependency: poppler's
 * pdftoppm, from Debian (as root: apt-get update && apt-get install -y poppler-utils). The committed file was made this
 * way on 2026-12-06 with poppler-utils 22.12 of Debian 12. The PDF itself is written to a temporary folder and removed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocument } from '../activities/documents/render-document';
import { demoAgreement } from './lib/demo-agreement';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'sample-mediation-agreement-p1.png');
const WIDTH = 1000;
const { caseNo, data, workers } = demoAgreement();
const doc = await renderDocument('mediation-agreement', caseNo, data);
const tmp = mkdtempSync(join(tmpdir(), 'gq-sample-'));
try {
  const pdf = join(tmp, 'sample.pdf');
  writeFileSync(pdf, doc.bytes);
  if (process.env.SAMPLE_PDF) writeFileSync(process.env.SAMPLE_PDF, doc.bytes);
  try {
    // -singlefile: the name is exactly <prefix>.png; -scale-to-x with -scale-to-y -1: 1000 px wide, A4's proportions.
    execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(WIDTH), '-scale-to-y', '-1', pdf, join(tmp, 'page')], { stdio: 'inherit' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftoppm is missing: as root run apt-get update && apt-get install -y poppler-utils');
    }
    throw err;
  }
  mkdirSync(dirname(out), { recursive: true });
  renameSync(join(tmp, 'page.png'), out);
  console.log(`${out}: page 1 of ${doc.pages} of "${doc.title}" (${caseNo}, the demo case: ${workers} workers), PDF ${doc.bytes.length} bytes, sha256 ${doc.sha256}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
