/**
 * The OpenAPI document tells a generated client every answer an operation can give (issue 15): the success body,
 * each 4xx with the one error body, 429 where a limit applies; the intake rule (a known enterpriseId, or an
 * enterpriseName with its streetId) is in the request schema itself. A path answers an unknown method with 405.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  it('describes the intake: its rule, its 201 and every error with the error body', () => {
    const post = doc.paths['/api/v1/grievances'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body.anyOf).toEqual([{ required: ['enterpriseId'] }, { required: ['enterpriseName', 'streetId'] }]);
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '403', '413', '415', '429', '503']);
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
});
