/**
 * Broken body fields: one field of a valid body broken in a way its rules must refuse (missing, blank, too long, an
 * unreadable character, the wrong type, a value outside its pattern, list or range), and the claim that the defect
 * still holds once the server has tidied the body, so that a request the server tidied into a valid one is not
 * counted against it.
 */
import fc from 'fast-check';
import { normalizeFormBody } from '../../../api/routes/public/normalize';
import { pick } from './draw';
import { badCharFor, junk, LONE_SURROGATES } from './junk';
import type { Enc, Field } from './recipe';

/** a body defect that must still hold after the server's normalisation for the request to count as refused */
export interface Claim { field: string; kind: string; spec?: Field; char?: string }
/** a broken body as the server's normalisation will see it, and the defects it claims to carry */
export interface BodyCheck { body: Record<string, unknown>; claims: Claim[] }

/** One broken field, and whether it must be refused whatever else the request says. */
export function mutateField(g: fc.GeneratorValue, body: Record<string, unknown>, name: string, spec: Field, enc: Enc, required: boolean, mustBeHard: boolean): { note: string; claim?: Claim } {
  const value = body[name];
  const kinds: string[] = [];
  const text = typeof value === 'string';
  if (value !== undefined && required) kinds.push('missing');
  if (text && (spec.notBlank || spec.pattern || spec.enum || spec.lookup || (enc === 'form' && required))) kinds.push('blank');
  if (spec.maxLength !== undefined && spec.type === 'string') kinds.push('overLong');
  if (text && (spec.readable || spec.pattern || spec.enum || spec.lookup)) kinds.push('badChar', 'badChar', 'badChar');
  // an id or a password is looked up, not matched against a pattern: a NUL there is what reaches the database
  if (text && spec.lookup && !spec.pattern) kinds.push('nul', 'nul');
  kinds.push('wrongType');
  if (spec.pattern || spec.enum || spec.lookup || spec.type === 'integer') kinds.push('badValue');
  if (spec.type === 'integer' && (spec.minimum !== undefined || spec.maximum !== undefined)) kinds.push('range');
  if (!mustBeHard) kinds.push('softChar');
  const kind = pick(g, kinds);
  const str = text ? (value as string) : String(value ?? '');
  switch (kind) {
    case 'missing':
      delete body[name];
      return { note: `${name} missing`, claim: { field: name, kind } };
    case 'blank':
      body[name] = pick(g, ['', ' ', '   ', '\t', ' \n ', '\u3000']);
      return { note: `${name} blank`, claim: { field: name, kind, spec } };
    case 'overLong': {
      const extra = g(fc.integer, { min: 1, max: 300 });
      const pad = spec.pattern ? (str.replace(/[^A-Za-z0-9]/g, '').slice(-1) || '1') : '欠';
      body[name] = str + pad.repeat(Math.max(1, spec.maxLength! + extra - str.length));
      return { note: `${name} over ${spec.maxLength} characters`, claim: { field: name, kind, spec } };
    }
    case 'badChar': case 'softChar': case 'nul': {
      const ch = kind === 'nul' ? '\u0000' : g(() => (kind === 'badChar' ? badCharFor(enc) : fc.constantFrom(...LONE_SURROGATES, '\u200b', '\ufeff', '\u00a0')));
      const base = str.length >= 2 ? str : `${str}欠薪`;
      const at = g(fc.integer, { min: 1, max: base.length - 1 });
      body[name] = base.slice(0, at) + ch + base.slice(at);
      const shown = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      return kind === 'softChar' ? { note: `(${shown} in ${name})` } : { note: `${shown} in ${name}`, claim: { field: name, kind: 'badChar', spec, char: ch } };
    }
    case 'wrongType': {
      const wrong = enc === 'form'
        ? [str, g(junk)]
        : pick<unknown>(g, [{}, [], [str], { value: str }, ...(spec.type === 'integer' ? ['abc', '1.5', '十'] : [])]);
      if (enc === 'json' && spec.type === 'integer' && g(fc.boolean)) body[name] = pick(g, [1.5, -0.5, 1e21]);
      else body[name] = wrong;
      return { note: `${name} of the wrong type (${JSON.stringify(body[name]).slice(0, 40)})`, claim: { field: name, kind, spec } };
    }
    case 'badValue': {
      let v: string | number;
      if (spec.type === 'integer') v = pick(g, ['abc', '1.5', '1e3x', '十', '0x10', '--1']);
      else v = g(() => fc.oneof(junk(30), fc.constantFrom('null', 'undefined', 'true', '0', '-1', '<script>', "' or 1=1 --", '${7*7}', '../../etc/passwd')));
      if (enc === 'json' && spec.type === 'integer' && typeof v === 'string' && g(fc.boolean)) v = pick(g, [1.5, 2.25]);
      body[name] = v;
      return { note: `${name} = ${JSON.stringify(v).slice(0, 60)}`, claim: { field: name, kind, spec } };
    }
    case 'range': {
      const v = g(fc.boolean) && spec.minimum !== undefined ? spec.minimum - g(fc.integer, { min: 1, max: 1e6 }) : (spec.maximum ?? 0) + g(fc.integer, { min: 1, max: 1e9 });
      body[name] = enc === 'form' ? String(v) : v;
      return { note: `${name} = ${v} (out of range)`, claim: { field: name, kind, spec } };
    }
  }
  throw new Error(`unknown mutation ${kind}`);
}

/** Does the claimed defect still hold in the body as the server will validate it? */
function claimHolds(c: Claim, body: Record<string, unknown>): boolean {
  const v = body[c.field];
  const spec = c.spec;
  switch (c.kind) {
    case 'missing': return v === undefined;
    case 'blank': return v === undefined || (typeof v === 'string' && v.trim() === '');
    case 'overLong': return typeof v === 'string' && v.length > spec!.maxLength!;
    case 'badChar': return typeof v === 'string' && v.includes(c.char!) && (!spec!.lookup || !spec!.lookup.includes(v));
    case 'wrongType': return typeof v !== 'string' || spec!.type === 'integer';
    case 'badValue': case 'range': {
      if (v === undefined) return true;
      if (spec!.type === 'integer') {
        const n = typeof v === 'number' ? v : (typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
        return !Number.isInteger(n) || (spec!.minimum !== undefined && n < spec!.minimum) || (spec!.maximum !== undefined && n > spec!.maximum);
      }
      if (typeof v !== 'string') return true;
      if (spec!.lookup) return !spec!.lookup.includes(v);
      if (spec!.enum) return !spec!.enum.includes(v);
      return spec!.pattern ? !spec!.pattern.test(v) : false;
    }
    case 'unknownField': return v !== undefined;
    default: return false;
  }
}

/**
 * The server trims and tidies form fields first (api/routes/public/normalize.ts): does the defect survive that? A
 * request whose every claimed defect was tidied away is a valid request, not a malformed one.
 */
export async function defectSurvives(check: BodyCheck, form: boolean): Promise<boolean> {
  const seen = structuredClone(check.body);
  if (form) await normalizeFormBody({ body: seen } as never);
  return !(check.claims.length && !check.claims.some((c) => claimHolds(c, seen)));
}
