/**
 * The body of a malformed request: one the parser must refuse whatever the route (not JSON, empty, a media type no
 * route takes, too large, prototype pollution), or a route's valid body with one or more fields broken (or a whole
 * body wrong in a way the recipe's field list cannot say).
 */
import fc from 'fast-check';
import { pick } from './draw';
import { type BodyCheck, type Claim, mutateField } from './field-defects';
import { junk } from './junk';
import { fillDeep } from './live';
import type { Enc, Fields, Recipe, Template } from './recipe';

/** A body the parser refuses; a sign-out route (spent) gets only ones it must refuse before it reads a credential. */
export function unparsableBody(g: fc.GeneratorValue, enc: Enc, page: boolean, spent: boolean, template: Template | undefined, defects: string[]): { contentType?: string; body?: string } {
  let body: string | undefined;
  let contentType: string | undefined;
  const way = spent ? pick(g, ['invalidJson', 'media'] as const)
    : pick(g, ['invalidJson', 'invalidJson', 'emptyJson', 'media', 'media', 'tooLarge', 'proto'] as const);
  switch (way) {
    case 'invalidJson':
      contentType = 'application/json';
      body = g(() => fc.oneof(
        fc.constantFrom('{', '{"a":', 'nul', '[1,]', "{'a':1}", '{"a":1}}', '{"note":"\u0000', '\u0000', '{"a":"\\ud800', '{"a":1,}', '\ufeff{}x'),
        junk(40).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }),
      ));
      defects.push(`invalid JSON ${JSON.stringify(body).slice(0, 40)}`);
      break;
    case 'emptyJson': contentType = 'application/json'; body = ''; defects.push('empty JSON body'); break;
    case 'proto':
      contentType = 'application/json';
      body = pick(g, ['{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '{"a":{"__proto__":{"x":1}}}']);
      defects.push(`prototype pollution ${body}`);
      break;
    case 'media':
      contentType = pick(g, [
        'application/xml', 'text/xml', 'multipart/form-data; boundary=zz', 'application/octet-stream', 'image/png', 'text/csv',
        ...(spent ? [] : ['application/x-yaml', 'json', 'application/', '/json', 'a/b/c', 'application/json; charset="', ...(page ? [] : ['text/plain', 'text/plain; charset=utf-8'])]),
      ]);
      body = pick(g, ['<grievance/>', '--zz\r\ncontent-disposition: form-data; name="a"\r\n\r\nb\r\n--zz--', '\u0000\u0001\u0002', 'a,b,c', JSON.stringify(fillDeep(template?.body ?? { a: 1 }))]);
      defects.push(`content type ${JSON.stringify(contentType)}`);
      break;
    case 'tooLarge':
      if (enc === 'form') { contentType = 'application/x-www-form-urlencoded'; body = `note=${'x'.repeat(70 * 1024)}`; } else { contentType = 'application/json'; body = JSON.stringify({ note: 'x'.repeat(300 * 1024) }); }
      defects.push(`body of ${Math.round(body.length / 1024)} KB`);
      break;
  }
  return { contentType, body };
}

/** A body from the recipe with its defects; `check` is set when a broken field is what must get it refused. */
export function recipeBody(g: fc.GeneratorValue, recipe: Recipe, template: Template | undefined, fields: Fields | undefined, enc: Enc, primary: string, defects: string[]): { obj: Record<string, unknown>; hard: boolean; check?: BodyCheck } {
  let obj: Record<string, unknown>;
  let hard = false;
  let check: BodyCheck | undefined;
  const custom = !!recipe.customBodies && (!template || (primary === 'body' && g(fc.integer, { min: 1, max: fields ? 3 : 4 }) > (fields ? 2 : 1)));
  if (custom) {
    const c = g(() => recipe.customBodies!);
    obj = fillDeep(c.body) as Record<string, unknown>;
    defects.push(c.note);
    hard = true;
  } else {
    obj = fillDeep(structuredClone(template!.body));
    const claims: Claim[] = [];
    const required = new Set(template!.required ?? Object.entries(fields ?? {}).filter(([, f]) => f.required).map(([n]) => n));
    const names = Object.keys(fields ?? {}).filter((n) => n in obj || required.has(n));
    // mostly one defect, so that it is the one the server has to find (two let the schema answer for both)
    const count = primary === 'body' ? pick(g, [1, 1, 1, 1, 1, 1, 2, 2, 2, 3]) : g(fc.integer, { min: 0, max: 1 });
    // fields the schema cannot settle alone (ids and passwords looked up, free text) are where a defect goes deepest
    const weighted = names.flatMap((n) => (fields![n].lookup || fields![n].readable ? [n, n] : [n]));
    for (let i = 0; i < count; i++) {
      const mustBeHard = primary === 'body' && i === 0;
      if (recipe.closed && (names.length === 0 || g(fc.integer, { min: 1, max: 6 }) === 1)) {
        const name = g(() => fc.oneof(junk(12), fc.constantFrom('stage', 'status', 'admin', 'caseNo', 'role', 'id', 'password', 'toString', 'hasOwnProperty', 'valueOf'))
          .filter((n) => !Object.hasOwn(fields ?? {}, n) && !['_csrf', '_key', '__proto__', 'constructor'].includes(n)));
        obj[name] = g(() => fc.oneof(junk(20), fc.integer(), fc.constant(null)));
        defects.push(`unknown field ${JSON.stringify(name).slice(0, 30)}`);
        claims.push({ field: name, kind: 'unknownField' });
        continue;
      }
      if (names.length === 0) continue;
      const name = pick(g, weighted);
      const m = mutateField(g, obj, name, fields![name], enc, required.has(name), mustBeHard);
      defects.push(m.note);
      if (m.claim) claims.push(m.claim);
    }
    if (primary === 'body') { hard = true; check = { body: obj, claims }; }
  }
  return { obj, hard, check };
}
