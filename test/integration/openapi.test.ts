/**
 * The OpenAPI document tells a generated client every answer an operation can give (issue 15): the success body,
 * each 4xx with the one error body, 429 where a limit applies; the intake rule (a known enterpriseId, or an
 * enterpriseName with its streetId) is in the request schema itself. A path answers an unknown method with 405.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../workflows/kinds';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';

let sys: System;
let doc: any;

beforeAll(async () => {
  sys = await startSystem('openapi');
  doc = (await apiClient(sys.baseUrl).call('GET', '/api/v1/openapi.json')).body;
});

afterAll(async () => {
  await sys?.stop();
});

describe('the OpenAPI document', () => {
  it('documents the one action route as a path per action of every kind, each with that action\u2019s payload', () => {
    for (const k of CASE_KINDS) {
      for (const [name, action] of Object.entries(k.actions)) {
        const op = doc.paths[`/api/v1/cases/{caseNo}/actions/${name}`]?.post;
        expect(op, `${k.kind}.${name}`).toBeDefined();
        const schema = op.requestBody.content['application/json'].schema;
        const bodies = schema.anyOf ?? [schema];
        expect(schema.oneOf, `${k.kind}.${name}`).toBeUndefined();
        expect(bodies.some((b: { properties: object }) => JSON.stringify(Object.keys(b.properties).sort()) === JSON.stringify(Object.keys(action.body.properties).sort())), `${k.kind}.${name}`).toBe(true);
        expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['caseNo', 'Idempotency-Key']);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409', '422']));
      }
    }
    expect(doc.paths['/api/v1/cases/{caseNo}/actions/{action}']).toBeUndefined();
  });

  it('describes the intake: its rule, its 201 and every error with the error body', () => {
    const post = doc.paths['/api/v1/grievances'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body.anyOf).toEqual([
      { required: ['enterpriseId'], properties: { enterpriseId: { type: 'string', minLength: 1 } } },
      { required: ['enterpriseName', 'streetId'], properties: { enterpriseName: { type: 'string', pattern: '\\S' }, streetId: { type: 'string', minLength: 1 } } },
    ]);
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '403', '413', '415', '422', '429', '503']);
    expect(post.responses['201'].content['application/json'].schema.properties).toHaveProperty('caseNo');
    for (const status of ['400', '429']) {
      expect(post.responses[status].content['application/json'].schema).toMatchObject({ required: ['error', 'message'] });
    }
  });

  it('describes the answers of every public operation, and of none without an error body', () => {
    const ops = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[]; responses: Record<string, unknown> }>>)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
      .filter(({ op }) => op.tags?.includes('public'));
    expect(ops.length).toBeGreaterThanOrEqual(9);
    for (const { path, method, op } of ops) {
      expect(Object.keys(op.responses), `${method} ${path}`).toContain('400');
      expect(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${path}`).toBe(true);
    }
  });

  it('answers an unknown method on a known path with 405 and the methods it takes', async () => {
    const res = await fetch(`${sys.baseUrl}/api/v1/grievances`, { method: 'PUT' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.json()).toEqual({ error: 'METHOD_NOT_ALLOWED', message: '该地址不支持 PUT 请求' });
  });

  it('answers QUERY and other methods no route takes with 405, before reading a body or checking a form', async () => {
    // Fastify itself refuses a QUERY without a Content-Type (400) before any not-found handler runs.
    for (const [method, headers, body] of [['QUERY', {}, undefined], ['QUERY', { 'content-type': 'application/json' }, '{}'], ['PROPFIND', {}, undefined]] as const) {
      const res = await fetch(`${sys.baseUrl}/api/v1/tasks`, { method, headers, body });
      expect([res.status, res.headers.get('allow')], method).toEqual([405, 'GET, HEAD']);
      expect(await res.json()).toEqual({ error: 'METHOD_NOT_ALLOWED', message: `该地址不支持 ${method} 请求` });
    }
    // A page's path: 405 as a page, not the CSRF check's 403.
    const page = await fetch(`${sys.baseUrl}/staff/login`, { method: 'QUERY', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect([page.status, page.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST']);
    expect(await page.text()).toContain('该地址不支持 QUERY 请求');
    const nowhere = await fetch(`${sys.baseUrl}/api/v1/nowhere`, { method: 'QUERY' });
    expect([nowhere.status, await nowhere.json()]).toEqual([404, { error: 'NOT_FOUND', message: '页面不存在' }]);
  });

  it('answers a well-formed request that a rule refuses with 422 and its zh-CN message, and documents it', async () => {
    const res = await apiClient(sys.baseUrl).call('POST', '/api/v1/worker-sessions', { caseNo: 'GQ0000000000', phone: '13800000000', code: '123456' });
    expect([res.status, res.body]).toEqual([422, { error: 'BAD_REQUEST', message: '验证码已失效，请重新获取' }]);
    expect(Object.keys(doc.paths['/api/v1/worker-sessions'].post.responses)).toContain('422');
  });

  it('describes the JSON API only, with text patterns any engine can read', () => {
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/'))).toEqual([]);
    const patterns = JSON.stringify(doc).match(/"pattern":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(patterns.length).toBeGreaterThan(20);
    for (const p of patterns) expect(p).not.toMatch(/\\\\[pP]\{/);
  });
});
