/**
 * The readable-text pattern of the schemas (READABLE_PATTERN in ./schema-primitives.ts) spelt as explicit ranges of code points.
 *
 * What is readable: tab and line breaks, and every code point that is not a control (Cc), unassigned (Cn), private-use
 * (Co) or surrogate (Cs), nor one of the invisible characters that hide or reorder text (zero-width space, word joiner,
 * BOM, bidirectional overrides and isolates; a zero-width joiner inside emoji stays). That is the test
 * ./payload-checks.ts makes with Unicode property classes; the schemas spell it out because the OpenAPI
 * document is read by other engines too (a client generator, a conformance tool in Python), and those have no
 * `\p{Cn}`: given one, a tool cannot make a value that matches, or drops the pattern and then sends control characters.
 *
 * The ranges are taken once, at load, from this engine's own Unicode tables (about 50 ms), so the two tests agree on
 * every code point whatever Node's Unicode version. Ends in the Basic Multilingual Plane are written \uXXXX, which
 * ECMAScript (with the u flag, as Ajv compiles), Python and Rust all read alike; ends beyond it are written as the
 * characters themselves, since each engine spells an astral escape differently (\u{1F600}, \U0001F600).
 */

/** What the workflows refuse (payload-checks.ts), as one character class: anything but tab, LF and CR in it. */
const UNREADABLE = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/u;
const WHOLLY_UNREADABLE = /^[\p{Cn}\p{Co}]+$/u;
const ALWAYS_READABLE = new Set([0x09, 0x0a, 0x0d]);
const BLOCK = 256;

const readable = (cp: number) => ALWAYS_READABLE.has(cp) || !UNREADABLE.test(String.fromCodePoint(cp));

/** [first, last] code points of each run of readable ones, in order. Blocks of 256 are settled whole where they can be. */
export function readableRanges(): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  const mark = (cp: number, ok: boolean) => {
    if (ok && start < 0) start = cp;
    if (!ok && start >= 0) {
      out.push([start, cp - 1]);
      start = -1;
    }
  };
  for (let base = 0; base <= 0x10ffff; base += BLOCK) {
    if (base >= 0xd800 && base < 0xe000) { mark(base, false); continue; } // surrogates: String.fromCodePoint makes lone ones
    let block = '';
    for (let cp = base; cp < base + BLOCK; cp++) block += String.fromCodePoint(cp);
    if (!UNREADABLE.test(block)) { mark(base, true); continue; }
    if (WHOLLY_UNREADABLE.test(block)) { mark(base, false); continue; }
    for (let cp = base; cp < base + BLOCK; cp++) mark(cp, readable(cp));
  }
  mark(0x110000, false);
  return out;
}

const end = (cp: number) => (cp <= 0xffff ? `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}` : String.fromCodePoint(cp));

/** `^[...]*$` over the readable ranges. */
export function readablePattern(): string {
  return `^[${readableRanges().map(([a, b]) => (a === b ? end(a) : `${end(a)}-${end(b)}`)).join('')}]*$`;
}
