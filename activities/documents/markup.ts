/**
 * The small line-based markup that document templates render to, so that wording lives in templates/documents/ and
 * layout in layout.ts and render-pdf.ts. One line, one block; leading and trailing spaces do not matter (templates may
 * indent):
 *
 *   # 标题         the title: centred, larger          % 案号      a centred line under it (the case number)
 *   ## 小标题      a section heading                     : 文字      a line flush left (parties, 此致's addressee)
 *   + 条款         a numbered term: 一、二、… (numbering restarts after a heading)
 *   - 子项         a sub-item of the term above: （一）（二）…
 *   & 附件         an attachment: consecutive ones print as 附件：1. … with 2. 3. … aligned under the first
 *   > 文字         a line aligned right (the issuing body, the date)
 *   _ 签名处       a place to sign: label and a rule; consecutive ones share rows, two a row
 *   @ 附表标题     an attached table's caption: it starts a new page
 *   || 列 | 列     a table's header row (repeated at the top of every page the table runs onto)
 *   | 格 | 格      a table row;  |= 合计 | | 金额  its total row (an empty cell joins the one on its left)
 *   文字           a paragraph, its first line indented by two characters
 *   (blank)        some space; several blank lines count as one
 *
 * Numbering is 一、 > （一）, the order of Chinese legal documents (then 1. and （1）, which no template needs yet).
 */
import { cnNumber } from './chinese-number';

export type Block =
  | { type: 'title' | 'subtitle' | 'heading' | 'line' | 'right' | 'paragraph' | 'caption'; text: string }
  | { type: 'item' | 'subitem'; label: string; text: string }
  | { type: 'attachments'; items: string[] }
  | { type: 'signatures'; labels: string[] }
  | { type: 'table'; header: string[]; rows: string[][]; total: string[] | null }
  | { type: 'space' };

type LineType = Exclude<Block['type'], 'table'> | 'table-header' | 'table-row' | 'table-total';

// Longer prefixes first: `## ` before `# `, `|| ` and `|= ` before `| `.
const PREFIXES: [string, LineType][] = [
  ['## ', 'heading'], ['# ', 'title'], ['% ', 'subtitle'], [': ', 'line'], ['+ ', 'item'], ['- ', 'subitem'],
  ['& ', 'attachments'], ['> ', 'right'], ['_ ', 'signatures'], ['@ ', 'caption'],
  ['|| ', 'table-header'], ['|= ', 'table-total'], ['| ', 'table-row'],
];

const cells = (text: string) => text.replace(/\|\s*$/, '').split('|').map((c) => c.trim());

export function parseMarkup(markup: string): Block[] {
  const blocks: Block[] = [];
  let item = 0;
  let subitem = 0;
  for (const raw of markup.split(/\r?\n/)) {
    const line = raw.trim();
    const last = blocks[blocks.length - 1];
    if (!line) {
      if (last && last.type !== 'space') blocks.push({ type: 'space' });
      continue;
    }
    const found = PREFIXES.find(([p]) => line.startsWith(p) || line === p.trim());
    const type = found?.[1] ?? 'paragraph';
    const text = found ? line.slice(found[0].length).trim() : line;
    switch (type) {
      case 'title':
      case 'heading':
      case 'caption':
        item = 0;
        blocks.push({ type, text });
        break;
      case 'item':
        item += 1;
        subitem = 0;
        blocks.push({ type, label: `${cnNumber(item)}、`, text });
        break;
      case 'subitem':
        subitem += 1;
        blocks.push({ type, label: `（${cnNumber(subitem)}）`, text });
        break;
      case 'signatures':
        if (last?.type === 'signatures') last.labels.push(text);
        else blocks.push({ type, labels: [text] });
        break;
      case 'attachments':
        if (last?.type === 'attachments') last.items.push(text);
        else blocks.push({ type, items: [text] });
        break;
      case 'table-header':
      case 'table-row':
      case 'table-total': {
        // A table is the run of table lines; its header comes first, and its total row, if any, last.
        const table = last?.type === 'table' && !last.total ? last : null;
        if (type === 'table-header') {
          if (table) throw new Error('a table header must start a table');
          blocks.push({ type: 'table', header: cells(text), rows: [], total: null });
        } else if (!table) {
          throw new Error('a table row must follow a table header (|| …)');
        } else if (type === 'table-row') table.rows.push(cells(text));
        else table.total = cells(text);
        break;
      }
      default:
        blocks.push({ type, text } as Block);
    }
  }
  while (blocks[blocks.length - 1]?.type === 'space') blocks.pop();
  return blocks;
}

/** The document's title: the text of its first `# ` line. */
export function titleOf(blocks: Block[]): string {
  const title = blocks.find((b) => b.type === 'title');
  if (!title || !('text' in title) || !title.text) throw new Error('a document template must start with a title line (# …)');
  return title.text;
}
