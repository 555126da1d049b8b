/**
 * Line breaking for Chinese legal text, done here rather than by pdfkit so that what must stay on one line does: a
 * figure and the unit after it (12,345.67元, 第118号), a number or code of letters and digits (an ID number, a
 * 统一社会信用代码), and any span a template joined with WORD JOINER (U+2060, the `keep` helper). Between Chinese
 * characters a line may break anywhere, except that closing punctuation never starts a line and opening punctuation
 * never ends one (the usual 禁则). Pure: widths come from the caller, so it is tested without a font.
 */

/** Joins the characters on either side: no line break there. Never printed. */
export const WORD_JOINER = '\u2060';

// Closing marks never start a line; opening marks never end one.
const CLOSING = new Set([...'，。、；：！？）》」』〕】］｝”’…—·%‰,.;:!?)]}']);
const OPENING = new Set([...'（《「『〔【［｛“‘([{']);
const isWordChar = (c: string) => /^[\x21-\x7e]$/.test(c) && !OPENING.has(c);
const isSpace = (c: string) => c === ' ' || c === '\u3000';

/**
 * The text cut into units no line break may enter, each with whether a space came before it (where the line may
 * break, and which is dropped at the start of a line). Word joiners are gone from the units.
 */
export function unitsOf(text: string): { text: string; spaceBefore: boolean }[] {
  const units: { text: string; spaceBefore: boolean }[] = [];
  let joinNext = false; // the previous character binds the next one to its unit
  let spaceBefore = false;
  for (const c of text) {
    if (c === WORD_JOINER) {
      joinNext = units.length > 0;
      continue;
    }
    if (isSpace(c)) {
      spaceBefore = units.length > 0;
      joinNext = false;
      continue;
    }
    const last = units[units.length - 1];
    const prev = last?.text.slice(-1) ?? '';
    // A word goes on with its letters and digits, and a figure keeps the unit after it (元, 号, 年).
    const join = last && !spaceBefore && (joinNext || CLOSING.has(c) || OPENING.has(prev)
      || (isWordChar(prev) && isWordChar(c)) || (/[0-9]/.test(prev) && !isWordChar(c) && !OPENING.has(c)));
    if (join) last.text += c;
    else units.push({ text: c, spaceBefore });
    joinNext = false;
    spaceBefore = false;
  }
  return units;
}

/**
 * The text as lines: the first no wider than `first`, the others no wider than `rest`. A line's width is the sum of
 * its units' (as pdfkit measures word by word), so each unit is measured once. A unit wider than a whole line (which
 * the documents' data should never make) is cut by characters rather than run off the page.
 */
export function breakLines(text: string, first: number, rest: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  const space = width(' ');
  let line = '';
  let used = 0;
  const room = () => (lines.length === 0 ? first : rest);
  const push = () => {
    lines.push(line);
    line = '';
    used = 0;
  };
  for (const unit of unitsOf(text)) {
    const w = width(unit.text);
    const gap = line && unit.spaceBefore ? space : 0;
    if (line && used + gap + w > room()) push();
    const sep = Boolean(line) && unit.spaceBefore; // a space at the start of a line is dropped
    if (w <= room()) {
      line += (sep ? ' ' : '') + unit.text;
      used += (sep ? space : 0) + w;
      continue;
    }
    // Too long for any line: as many characters as fit on each line, the rest on the next.
    for (const c of unit.text) {
      const cw = width(c);
      if (line && used + cw > room()) push();
      line += c;
      used += cw;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
