/**
 * What a recipe says about a route: a valid request to start from, and how each of its fields may be broken so that
 * the request must be refused. fieldsOf reads the field rules off the route's JSON schema.
 */
import type fc from 'fast-check';
import { READABLE_PATTERN } from '../../../api/schemas/grievance';

export type Enc = 'json' | 'form';
export interface Field {
  type: 'string' | 'integer';
  required?: boolean;
  /** spaces only are refused */
  notBlank?: boolean;
  maxLength?: number;
  pattern?: RegExp;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  /** control, unassigned, private-use characters and lone surrogates are refused */
  readable?: boolean;
  /** only a known value passes (an id in the database, a password): any other is refused */
  lookup?: readonly string[];
}
export type Fields = Record<string, Field>;
export interface Template { body: Record<string, unknown>; params?: Record<string, string>; required?: string[]; fields?: Fields }
export type ParamKind = 'caseNo' | 'token' | 'action' | 'day' | 'wageCode';
/** who may use a route in earnest */
export type Audience = 'staff' | 'worker' | 'anyone';

/** who is asking: a valid credential, or one of the ways of not having one */
export type Who = 'anon' | 'staffBearer' | 'staffCookie' | 'workerBearer' | 'workerCookie' | 'forbiddenBearer' | 'junkBearer' | 'junkAuth' | 'junkCookies';

export interface Recipe {
  audience: Audience;
  /** valid path parameters and their kind */
  params?: Record<string, ParamKind>;
  templates?: Template[];
  enc?: Enc;
  fields?: Fields;
  /** unknown fields are refused (additionalProperties: false) */
  closed?: boolean;
  /** whole bodies that are wrong in a way the field list cannot say (nested shapes, broken ciphertext) */
  customBodies?: fc.Arbitrary<{ note: string; body: unknown }>;
  /** a header that is validated: bad values of it */
  badHeader?: { name: string; values: fc.Arbitrary<string> };
  /** sign-out routes: these credentials would be spent, so they go only with a body the parser refuses */
  spends?: Who[];
  /** GET routes whose well-formed but unknown parameter is answered with a page (not a refusal) */
  unknownParamIsFine?: boolean;
  runs: number;
}

/** The part of a JSON schema the recipes read. */
export interface PropertySchema {
  type?: string; maxLength?: number; pattern?: string; enum?: readonly string[]; const?: string; minimum?: number; maximum?: number;
  allOf?: readonly { pattern?: string }[];
}
export interface ObjectSchema { type?: string; required?: readonly string[]; properties?: Record<string, PropertySchema> }

/** Derives the breakable fields from a route's JSON schema, so the recipes follow the schemas as they change. */
export function fieldsOf(schema: ObjectSchema, extra: Record<string, Partial<Field>> = {}): Fields {
  const out: Fields = {};
  const required = new Set<string>(schema.required ?? []);
  for (const [name, p] of Object.entries(schema.properties ?? {})) {
    const f: Field = { type: p.type === 'integer' ? 'integer' : 'string', required: required.has(name) };
    if (p.maxLength !== undefined) f.maxLength = p.maxLength;
    if (p.enum) f.enum = p.enum;
    if (p.const !== undefined) f.enum = [p.const];
    if (p.minimum !== undefined) f.minimum = p.minimum;
    if (p.maximum !== undefined) f.maximum = p.maximum;
    for (const pattern of [p.pattern, ...(p.allOf ?? []).map((a) => a.pattern)]) {
      if (pattern === undefined) continue;
      if (pattern === READABLE_PATTERN) f.readable = true;
      else if (pattern === '\\S') f.notBlank = true;
      else f.pattern = new RegExp(pattern, 'u');
    }
    out[name] = { ...f, ...extra[name] };
  }
  for (const [name, f] of Object.entries(extra)) if (!out[name]) out[name] = { type: 'string', ...f };
  return out;
}
