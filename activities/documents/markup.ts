/**
 * The small line-based markup that document templates render to, so that wording lives in templates/documents/ and
 * layout in render-pdf.ts. One line, one block; leading and trailing spaces do not matter (templates may indent):
 *
 *   # 标题         the title: centred, larger          % 案号      a centred line under it (the case number)
 *   ## 小标题      a section heading                     : 文字      a line flush left (parties, 此致's addressee)
 *   + 条款         a numbered term: 1. 2. … (hanging indent; numbering restarts after a heading)
 *   - 子项         a sub-item of the term above: （一）（二）…
 *   > 文字         a line aligned right (the issuing body, the date)
 *   _ 签名处       a place to sign: label and a rule; consecutive ones share rows, two a row
 *   文字           a paragraph, its first line indented by two characters
 *   (blank)        some space; several blank lines count as one
 */
import { cnNumber } from './chinese-number';

export type Block =
  | { type: 'title' | 'subtitle' | 'heading' | 'line' | 'right' | 'paragraph'; text: string }
  | { type: 'item' | 'subitem'; label: string; text: string }
  | { type: 'signatures'; labels: string[] }
  | { type: 'space' };

const PREFIXES: [string, Block['type']][] = [
  ['## ', 'heading'], ['# ', 'title'], ['% ', 'subtitle'], [': ', 'line'], ['+ ', 'item'], ['- ', 'subitem'],
  ['> ', 'right'], ['_ ', 'signatures'],
];

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
        item = 0;
        blocks.push({ type, text });
        break;
      case 'item':
        item += 1;
        subitem = 0;
        blocks.push({ type, label: `${item}.`, text });
        break;
      case 'subitem':
        subitem += 1;
        blocks.push({ type, label: `（${cnNumber(subitem)}）`, text });
        break;
      case 'signatures':
        if (last?.type === 'signatures') last.labels.push(text);
        else blocks.push({ type, labels: [text] });
        break;
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
