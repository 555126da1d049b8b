/**
 * A document's wording: its Handlebars template in templates/documents/<kind>.hbs, rendered to the markup of
 * markup.ts. Templates are compiled once per process, strict (a missing field fails instead of printing a hole) and
 * without HTML escaping (the output is not HTML).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type Handlebars from 'handlebars';
import { templatePath } from '../../templates/paths';
import { registerDocumentHelpers } from './document-helpers';
import { DocumentDataError, type DocumentFigures } from './document-figures';
import type { LegalAidFigures } from './legal-aid-figures';
import type { WageFigures } from './wage-figures';
import { ALL_DOCUMENT_KINDS, type AnyDocumentDataByKind, type AnyDocumentKind } from './types';

const hb = registerDocumentHelpers();
const compiled = new Map<AnyDocumentKind, Handlebars.TemplateDelegate>();
let partialsRegistered = false;

/** The pieces several documents share (the parties, the payment terms, the attached list): templates/documents/partials/<name>.hbs. */
function registerPartials(): void {
  if (partialsRegistered) return;
  const dir = templatePath('documents', 'partials');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
    hb.registerPartial(file.slice(0, -4), readFileSync(templatePath('documents', 'partials', file), 'utf8'));
  }
  partialsRegistered = true;
}

/**
 * Every string of the data on one line: a line break typed into a name or a reason must not start a markup line of
 * its own (a forged title or signature line), so it becomes a space; and a | typed into a name must not split a
 * table's cell, so it becomes the full-width ｜.
 */
function oneLine<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').replace(/\|/g, '｜').trim() as T;
  if (Array.isArray(value)) return value.map(oneLine) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, oneLine(v)])) as T;
  }
  return value;
}

export function renderMarkup<K extends AnyDocumentKind>(kind: K, caseNo: string, data: AnyDocumentDataByKind[K], figures: DocumentFigures | LegalAidFigures | WageFigures): string {
  if (!ALL_DOCUMENT_KINDS.includes(kind)) throw new Error(`unknown document kind: ${kind}`);
  let fn = compiled.get(kind);
  if (!fn) {
    registerPartials();
    fn = hb.compile(readFileSync(templatePath('documents', `${kind}.hbs`), 'utf8'), { noEscape: true, strict: true });
    compiled.set(kind, fn);
  }
  try {
    return fn({ ...oneLine(data), caseNo: oneLine(caseNo), figures });
  } catch (e) {
    // Strict templates fail on a field the data lacks: the same data would fail again, so it is the data's fault.
    throw new DocumentDataError(`the ${kind} template cannot be filled in: ${(e as Error).message}`);
  }
}
