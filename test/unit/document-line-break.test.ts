import { describe, expect, it } from 'vitest';
import { breakLines, unitsOf, WORD_JOINER } from '../../activities/documents/line-break';
import { unbroken } from '../../activities/documents/document-helpers';

// Every character one unit wide, as a full-width character is; good enough to see where lines break.
const width = (s: string) => [...s].length;

describe('line breaking for documents', () => {
  it('keeps a figure with its unit, a code whole, and punctuation where 禁则 wants it', () => {
    expect(unitsOf('支付人民币12,345.67元（大写：壹元）。').map((u) => u.text))
      .toEqual(['支', '付', '人', '民', '币', '12,345.67元', '（大', '写：', '壹', '元）。']);
    expect(unitsOf('代码：91350200MA2Y8K3L4W，住所').map((u) => u.text)).toEqual(['代', '码：', '91350200MA2Y8K3L4W，', '住', '所']);
  });

  it('never ends a line between a figure and its 元, nor inside a span joined by the keep helper', () => {
    const text = `被申请人向申请人支付人民币12,345.67元，${unbroken('统一社会信用代码：91350200MA2Y8K3L4W')}，住所`;
    for (let w = 28; w <= 60; w++) { // the kept span and its comma are 28 characters
      const lines = breakLines(text, w, w, width);
      expect(lines.join('')).toBe(text.replaceAll(WORD_JOINER, ''));
      expect(lines.some((l) => l.endsWith('人民币12,345.67') || l.startsWith('元'))).toBe(false);
      expect(lines.some((l) => l.includes('统一社会信用代码：91350200MA2Y8K3L4W'))).toBe(true);
      for (const l of lines) expect(l).not.toMatch(/^[，。、；：）]/);
    }
  });

  it('fills each line and indents only the first', () => {
    expect(breakLines('一二三四五六七八九十', 4, 6, width)).toEqual(['一二三四', '五六七八九十']);
    expect(breakLines('abc def', 5, 5, width)).toEqual(['abc', 'def']);
    expect(breakLines('', 5, 5, width)).toEqual(['']);
  });

  it('cuts a unit longer than a line rather than run off the page', () => {
    expect(breakLines('AAAAAAAAAA', 4, 4, width)).toEqual(['AAAA', 'AAAA', 'AA']);
  });
});
