/**
 * Broken path parameters: malformed or unknown case numbers, unknown actions and links, raw bad percent-encoding and
 * over-long segments, each said in a note for the report.
 */
import fc from 'fast-check';
import { CASE_NO_PATTERN } from '../../../api/schemas/grievance';
import { ALL_ACTIONS } from '../../../workflows/kinds';
import { pick } from './draw';
import { badCharFor, encodeComponent, junk } from './junk';
import { live } from './live';
import type { ParamKind } from './recipe';

/** A path segment as fetch will send it: "." and ".." would be resolved away by the URL parser, so they get a prefix. */
export const segmentOf = (v: string) => encodeComponent(v === '.' || v === '..' ? `x${v}` : v);

const CASE_RE = new RegExp(CASE_NO_PATTERN);
const wellFormedCaseNo = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 10, maxLength: 10 }).map((s) => `GQ${s}`);
const malformedCaseNo = fc.oneof(
  fc.constantFrom('GQ12', 'GQ00000000000', 'XX0000000000', 'GQ00000-0000', '0', 'GQ', 'gq12', 'GQ 123456789'),
  junk(20).filter((s) => !CASE_RE.test(s.replace(/\s/g, '').toUpperCase())),
  fc.tuple(wellFormedCaseNo, fc.nat(10), badCharFor('json')).map(([c, i, ch]) => c.slice(0, 2 + i) + ch + c.slice(2 + i + 1)),
);
/** raw path segments a client may send that are not valid percent-encoding (or decode to NUL) */
const RAW_SEGMENTS = ['%', '%ZZ', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF', 'GQ%00', 'GQ%2F0000000000', '%EF%BF%BF', 'GQ%0A%0D0000000'];

/** A calendar day the fuzzed requests start from: inside the editable range, never set by them (each carries a defect). */
export const FUZZ_DAY = `${new Date().getUTCFullYear() + 1}-03-03`;
const malformedDay = fc.oneof(
  fc.constantFrom('2027-3-3', '20270303', '2027/03/03', '27-03-03', '2027-03-03T00:00', '2027-03', 'today', '0', '-1', '２０２７-03-03'),
  junk(20).filter((s) => !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)),
);
/** well-formed days the calendar must still refuse: not in the calendar at all, or far outside the range it keeps */
const impossibleDay = fc.constantFrom('2027-02-30', '2027-13-01', '2027-00-10', '2027-04-31', '0000-01-01', '1900-01-01', '1999-12-31', '2200-01-01', '9999-12-31');

/** One broken path parameter; `hard` when it must get the request refused (an unknown case number on a page may not). */
export function buildParam(g: fc.GeneratorValue, kind: ParamKind, valid: string, lenientUnknown: boolean): { segment: string; note: string; hard: boolean } {
  const way = pick(g, ['malformed', 'malformed', 'unknown', 'raw', 'long']);
  if (way === 'raw') return { segment: pick(g, RAW_SEGMENTS), note: 'raw bad percent-encoding in the path', hard: true };
  if (way === 'long') return { segment: encodeComponent(valid + 'A'.repeat(g(fc.integer, { min: 100, max: 3000 }))), note: 'over-long path parameter', hard: true };
  if (kind === 'caseNo') {
    if (way === 'unknown') {
      const v = g(() => wellFormedCaseNo.filter((c) => c !== live.caseA && c !== live.caseB));
      return { segment: v, note: `unknown case number ${v}`, hard: !lenientUnknown };
    }
    const v = g(() => malformedCaseNo);
    return { segment: segmentOf(v), note: `malformed case number ${JSON.stringify(v)}`, hard: true };
  }
  if (kind === 'day') {
    const v = g(() => (way === 'unknown' ? impossibleDay : malformedDay));
    return { segment: segmentOf(v), note: `${way === 'unknown' ? 'impossible' : 'malformed'} day ${JSON.stringify(v)}`, hard: true };
  }
  if (kind === 'wageCode') {
    const v = g(() => (way === 'unknown'
      ? fc.string({ unit: fc.constantFrom(...'ABCabc019_-'), minLength: 16, maxLength: 16 })
      : fc.oneof(junk(20), fc.constantFrom('', 'x', `${live.wageCode}x`, live.wageCode.slice(1)))).filter((c) => c !== live.wageCode));
    return { segment: segmentOf(v), note: `${way === 'unknown' ? 'unknown' : 'malformed'} 协商码 ${JSON.stringify(v)}`, hard: true };
  }
  if (kind === 'action') {
    const v = g(() => fc.oneof(junk(20), fc.constantFrom('escalate', 'rate', 'CONTACTCOMPLAINANT', 'contactComplainant ', '__proto__', 'constructor')).filter((a) => !ALL_ACTIONS.includes(a)));
    return { segment: segmentOf(v), note: `unknown action ${JSON.stringify(v)}`, hard: true };
  }
  const v = g(() => fc.oneof(junk(40), fc.string({ unit: fc.constantFrom(...'ABCabc019_-'), minLength: 32, maxLength: 32 }).map((s) => `L${s}`)));
  return { segment: segmentOf(v), note: `unknown link ${JSON.stringify(v)}`, hard: true };
}
