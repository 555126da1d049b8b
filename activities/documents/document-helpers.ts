/**
 * Handlebars helpers of the document templates, on top of the shared ones (templates/helpers.ts): amounts in figures
 * and capitals, dates in Chinese, masked identity numbers, party numbers. Each is a pure function tested on its own.
 */
import Handlebars from 'handlebars';
import { registerHelpers } from '../../templates/helpers';
import { cnDate } from './chinese-date';
import { cnNumber } from './chinese-number';
import { WORD_JOINER } from './line-break';
import { maskIdNumber } from './mask-id';
import { amountInCapitals, amountInFigures, amountStated } from './money-words';

/** The text with no line break allowed inside it (line-break.ts): 统一社会信用代码：91350200MA2Y8K3L4W on one line. */
export const unbroken = (text: string) => [...text].join(WORD_JOINER);

export function registerDocumentHelpers(hb: typeof Handlebars = Handlebars.create()): typeof Handlebars {
  registerHelpers(hb);
  // {{amount fen}} → 人民币12,345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）; the layout keeps 12,345.67元 on one line
  hb.registerHelper('amount', (fen: unknown) => amountStated(Number(fen)));
  // {{#keep}}…{{/keep}}: no line break inside (a label and its code, a name and its role)
  hb.registerHelper('keep', function (this: unknown, options: Handlebars.HelperOptions) { return unbroken(options.fn(this)); });
  hb.registerHelper('inFigures', (fen: unknown) => amountInFigures(Number(fen)));
  hb.registerHelper('inCapitals', (fen: unknown) => amountInCapitals(Number(fen)));
  hb.registerHelper('cnDate', (date: unknown) => cnDate(String(date)));
  hb.registerHelper('maskId', (id: unknown) => maskIdNumber(id));
  // {{partyId idNumber}}: in full on what goes to the institute or the court (the data's fullIds), masked elsewhere
  hb.registerHelper('partyId', (id: unknown, options: Handlebars.HelperOptions) => (options.data?.root?.fullIds === true ? String(id) : maskIdNumber(id)));
  // {{cnNumber n}} → 四十三; {{cnOrdinal @index}} → 一 for the first of a list (申请人一, 第一期)
  hb.registerHelper('cnNumber', (n: unknown) => cnNumber(Number(n)));
  hb.registerHelper('cnOrdinal', (index: unknown) => cnNumber(Number(index) + 1));
  // {{position @index}} → 1 for the first row of a table (序号)
  hb.registerHelper('position', (index: unknown) => Number(index) + 1);
  // {{names debtors}} → 甲公司、乙公司: the parties of one side in running text
  hb.registerHelper('names', (list: unknown) => (Array.isArray(list) ? list.map((x: { name: string }) => x.name).join('、') : ''));
  return hb;
}
