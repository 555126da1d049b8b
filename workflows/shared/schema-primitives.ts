/**
 * The JSON-schema pieces every kind's payloads are built from (a phone, a readable text, an id): pure data, so that a
 * kind's schemas live in its own folder (workflows/kinds/<kind>/actions.ts) and the API validates and documents them.
 */
import { readablePattern } from './readable-pattern';

export const PHONE_PATTERN = '^1[3-9][0-9]{9}$';
/**
 * Text a person can read: no control characters but tab and line breaks, no invisible characters that hide or reorder
 * text (zero-width space, word joiner, BOM, bidirectional overrides; a zero-width joiner inside emoji stays), no
 * unassigned, private-use or lone surrogate code points (they were stored and shown to the worker as empty boxes).
 * Explicit ranges rather than Unicode property classes, so that any tool reading the OpenAPI document can make and
 * check values (./readable-pattern.ts). Ajv compiles patterns with the u flag.
 */
export const READABLE_PATTERN = readablePattern();
export const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, allOf: [{ pattern: '\\S' }, { pattern: READABLE_PATTERN }] }) as const;
/**
 * The pattern sits in allOf, apart from maxLength, in text() and optionalText() alike: a generator that folds a length
 * into a pattern (Schemathesis rewrites `^[...]*$` as `^[...]{0,n}$`) would otherwise respell these ranges in its own
 * escapes, which the validator it checks them with cannot read.
 */
export const optionalText = (maxLength: number) => ({ type: 'string', maxLength, allOf: [{ pattern: READABLE_PATTERN }] }) as const;
export const PHONE = { type: 'string', pattern: PHONE_PATTERN } as const;
export const PHONE_CODE = { type: 'string', pattern: '^[0-9]{6}$' } as const;
/** Ids of the organisation (e-jingmi, s-beishan) and usernames: plain letters, digits and - _ . only. */
export const ID = { type: 'string', maxLength: 40, pattern: '^[A-Za-z0-9._-]*$' } as const;
/** A date as a person types it (Asia/Shanghai calendar day). */
export const DATE = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;
