/**
 * One malformed request for a route, built from its recipe with fast-check's generator: first what must get it refused
 * (the primary defect: its body, an unparsable body, a path parameter, who is asking, CSRF, a validated header, or for
 * GET only junk), then who asks, the path, the CSRF pair, the body and junk on top. `strict` says whether the answer
 * must be a 4xx; the defects are said in words for the report.
 */
import type fc from 'fast-check';
import { recipeBody, unparsableBody } from './bodies';
import { chance, pick } from './draw';
import { junkOnTop } from './extra-junk';
import type { BodyCheck } from './field-defects';
import { cookieJunk, formEncode, headerJunk, JUNK_AUTH, JUNK_TOKEN, junk } from './junk';
import { fillDeep, live } from './live';
import { buildParam, FUZZ_DAY, segmentOf } from './param-defects';
import type { Enc, Recipe, Who } from './recipe';
import { BODYLESS, forbiddenFor, isApi, type Route, staffFor } from './routes';

type Csrf = 'valid' | 'none' | 'junkToken' | 'junkSecret' | 'tokenOnly' | 'secretOnly' | 'notNeeded';

export interface Built {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  who: Who;
  /** what makes it malformed (empty: junk only, on a route where that may be fine) */
  defects: string[];
  /** must be refused with a 4xx */
  strict: boolean;
  /** for forms: the body as the server's normalisation will see it, to check the defect survives it */
  check?: BodyCheck;
}

export function build(g: fc.GeneratorValue, route: Route, recipe: Recipe): Built {
  const method = route.method;
  const page = !isApi(route.url);
  const hasBody = !BODYLESS.has(method);
  const enc: Enc = recipe.enc ?? 'json';
  const defects: string[] = [];
  let hard = false;
  const headers: Record<string, string> = {};
  const cookies: string[] = [];

  const template = recipe.templates?.length ? pick(g, recipe.templates) : undefined;
  const fields = template?.fields ?? recipe.fields;
  const canBody = hasBody && (!!template || !!recipe.customBodies);

  // What is wrong with it, first: one defect that must get it refused (GET may carry junk only).
  const primaries: string[] = [];
  if (canBody) primaries.push('body', 'body', 'body', 'body', 'body');
  if (hasBody) primaries.push('parse', 'parse');
  if (recipe.params) primaries.push('param', 'param');
  if (recipe.audience === 'staff' || (recipe.audience === 'worker' && !recipe.spends)) primaries.push('identity');
  if (page && hasBody) primaries.push('csrf');
  if (template && recipe.badHeader) primaries.push('header');
  if (!hasBody) primaries.push('junk', 'junk');
  if (recipe.spends) primaries.push('junk');
  const primary = pick(g, primaries);

  // Who is asking.
  const valid: Who[] = recipe.audience === 'staff' ? ['staffBearer', 'staffBearer', ...(page ? ['staffCookie' as const] : [])]
    : recipe.audience === 'worker' ? ['workerBearer', 'workerBearer', ...(page ? ['workerCookie' as const] : [])]
      : ['anon', 'anon', 'staffBearer', 'workerBearer', ...(page ? ['staffCookie', 'workerCookie'] as const : [])];
  const invalid: Who[] = ['anon', 'junkBearer', 'junkAuth', 'junkCookies',
    ...(recipe.audience === 'staff' ? ['workerBearer' as const, ...(forbiddenFor(route.access) ? ['forbiddenBearer' as const] : [])] : []),
    ...(recipe.audience === 'worker' ? ['staffBearer' as const] : [])];
  let choices: Who[] = primary === 'identity' ? invalid : chance(g, 7) ? valid : [...valid, ...invalid];
  // a sign-out route would spend a real credential: it goes there only with a body the parser refuses
  if (recipe.spends && primary !== 'parse') choices = choices.filter((w) => !recipe.spends!.includes(w));
  const bearerLike = (w: Who) => w === 'staffBearer' || w === 'workerBearer' || w === 'forbiddenBearer' || w === 'junkBearer';
  if (primary === 'csrf') choices = choices.filter((w) => !bearerLike(w));
  if (choices.length === 0) choices = ['anon'];
  const who = pick(g, choices);
  const spent = !!recipe.spends?.includes(who);
  const staffName = staffFor(route.access);
  switch (who) {
    case 'staffBearer': headers.authorization = `Bearer ${live.staff[staffName]}`; break;
    case 'forbiddenBearer': headers.authorization = `Bearer ${live.staff[forbiddenFor(route.access)!]}`; break;
    case 'workerBearer': headers.authorization = `Bearer ${live.workerToken}`; break;
    case 'staffCookie': cookies.push(`gq_session=${live.staff[staffName]}`); break;
    case 'workerCookie': cookies.push(`gq_worker=${live.workerToken}`); break;
    case 'junkBearer': headers.authorization = `Bearer ${g(() => JUNK_TOKEN)}`; break;
    case 'junkAuth': headers.authorization = g(() => JUNK_AUTH); break;
    case 'junkCookies': cookies.push(`gq_session=${g(() => cookieJunk)}`, `gq_worker=${g(() => cookieJunk)}`); break;
    case 'anon': break;
  }
  const staffOk = who === 'staffBearer' || (who === 'staffCookie' && page);
  const workerOk = who === 'workerBearer' || (who === 'workerCookie' && page);
  if (recipe.audience === 'staff' && !staffOk) {
    defects.push(`as ${who}`);
    // refused before anything else, except that a staff page answers a GET by sending to the sign-in page
    if (!(page && !hasBody)) hard = true;
  }
  if (recipe.audience === 'worker' && !workerOk) {
    defects.push(`as ${who}`);
    // not the worker's case: 404 (a page GET sends to the form that asks for a code; signing out is always fine)
    if (hasBody ? !recipe.spends : !page) hard = true;
  }

  // The path.
  let path = route.url;
  const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const validParams: Record<string, string> = fillDeep(template?.params ?? {});
  const broken = paramNames.length && (primary === 'param' || (recipe.params && chance(g, 1))) ? pick(g, paramNames) : undefined;
  for (const name of paramNames) {
    const kind = recipe.params?.[name];
    let segment: string;
    if (!kind) {
      segment = segmentOf(g(() => junk(20)));
      defects.push(`junk in :${name}`);
    } else {
      const value = validParams[name] ?? (kind === 'caseNo' ? live.caseA : kind === 'action' ? 'contactComplainant' : kind === 'day' ? FUZZ_DAY : kind === 'wageCode' ? live.wageCode : `L${'Fz'.repeat(16)}`);
      if (name === broken) {
        const p = buildParam(g, kind, value, !!recipe.unknownParamIsFine && !hasBody);
        segment = p.segment;
        defects.push(p.note);
        const accessPasses = recipe.audience !== 'staff' || staffOk || !page || hasBody;
        if (p.hard && accessPasses) hard = true;
      } else {
        segment = segmentOf(value);
        if (kind === 'token') { hard = true; defects.push('a made-up link'); } // every link we can make up is unknown
      }
    }
    path = path.replace(`:${name}`, segment);
  }

  // CSRF for page forms: a token from a page (or none, or a junk one); a bearer token needs none.
  let csrf: Csrf = 'notNeeded';
  if (page && hasBody && !(headers.authorization ?? '').startsWith('Bearer ')) {
    csrf = primary === 'csrf' ? pick(g, ['none', 'junkToken', 'junkSecret', 'tokenOnly', 'secretOnly'] as const)
      : chance(g, 9) ? 'valid' : pick(g, ['none', 'junkToken', 'junkSecret'] as const);
    if (csrf !== 'valid') { hard = true; defects.push(`CSRF ${csrf}`); }
    const secret = csrf === 'valid' || csrf === 'junkToken' || csrf === 'secretOnly' ? live.csrf.secret : csrf === 'junkSecret' ? g(() => cookieJunk) : undefined;
    if (secret !== undefined) cookies.push(`_csrf=${secret}`);
  }
  const csrfToken = csrf === 'valid' || csrf === 'junkSecret' || csrf === 'tokenOnly' ? live.csrf.token : csrf === 'junkToken' ? g(() => headerJunk(40)) : undefined;

  // The body.
  let body: string | undefined;
  let contentType: string | undefined;
  let check: Built['check'];
  if (hasBody && primary === 'parse') {
    hard = true;
    ({ contentType, body } = unparsableBody(g, enc, page, spent, template, defects));
  } else if (hasBody) {
    let obj: Record<string, unknown> | undefined;
    if (canBody) {
      const made = recipeBody(g, recipe, template, fields, enc, primary, defects);
      obj = made.obj;
      if (made.hard) hard = true;
      check = made.check;
    } else if (chance(g, 5)) {
      obj = pick(g, [{}, { a: 1 }, { note: '退出' }]);
    }
    if (csrfToken !== undefined) obj = { _csrf: csrfToken, ...(obj ?? {}) };
    if (obj) {
      const asJson = enc === 'json' || chance(g, 1);
      if (asJson) { contentType = 'application/json'; body = JSON.stringify(obj); } else { contentType = 'application/x-www-form-urlencoded'; body = formEncode(obj); }
    }
  }

  if (primary === 'header' && recipe.badHeader) {
    const v = g(() => recipe.badHeader!.values);
    headers[recipe.badHeader.name] = v;
    defects.push(`${recipe.badHeader.name}: ${JSON.stringify(v).slice(0, 40)}`);
    hard = true;
  }

  // Junk on top: query strings, headers, cookies, content-type spellings.
  let query: string;
  ({ query, contentType } = junkOnTop(g, primary, headers, cookies, defects, contentType));
  if (contentType !== undefined) headers['content-type'] = contentType;
  if (cookies.length) headers.cookie = cookies.join('; ');
  return { method, path: `${path}${query}`, headers, body, who, defects, strict: hard, check };
}
