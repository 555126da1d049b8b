/**
 * The one command route of the JSON API, for every kind: `POST /api/v1/cases/:caseNo/actions/:action`. The case
 * number names the kind; the kind's registry entry gives the action's payload schema, and its workflow's rules decide
 * whether the action is allowed now. The OpenAPI document lists each action as a path of its own with its payload
 * (api/schemas/action-docs.ts), so a client still sees every kind's bodies.
 */
import type { FastifyPluginAsync } from 'fastify';
import { CASE_KINDS, CASE_NO_PATTERN, kindOfCaseNo } from '../../../workflows/kinds';
import type { KindCommand } from '../../../workflows/shared/definitions';
import { HttpError } from '../../errors';
import { answers } from '../../schemas/responses';
import { viewForStaff } from '../../services/case-detail';
import { actOnCase } from '../../services/cases';
import { actorOf } from '../../services/viewer';
import { bearer, idempotencyKeyOf, liveView } from './request-parts';

export const ACTION_ROUTE = '/cases/:caseNo/actions/:action';

const actionParams = {
  type: 'object', required: ['caseNo', 'action'],
  properties: { caseNo: { type: 'string', pattern: CASE_NO_PATTERN }, action: { type: 'string', pattern: '^[A-Za-z]{1,60}$' } },
} as const;

/** One schema object per kind and action: Fastify caches a compiled validator per schema object. */
const bodySchemas = new Map(CASE_KINDS.flatMap((k) => Object.entries(k.actions).map(([name, a]) => [`${k.kind}.${name}`, { type: 'object', additionalProperties: false, ...a.body }] as const)));

const actionRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { caseNo: string; action: string }; Body: unknown }>(ACTION_ROUTE, {
    config: { access: 'case.act' },
    schema: {
      tags: ['staff'], summary: '办理操作（操作与请求体见各案件类型的操作；带 Idempotency-Key 重复提交只办理一次）', params: actionParams,
      security: bearer,
      response: answers({ 200: { description: '办理后的案件实时状态', properties: liveView } }, 401, 403, 404, 409, 422, 503),
    },
  }, async (req) => {
    // Who may see the case was settled before the body was read (api/plugins/app/access.ts).
    const { caseNo, action } = req.params;
    const kind = kindOfCaseNo(caseNo)!;
    // Not an operation of this case (of no kind, or of another kind): as a path that does not exist.
    if (!Object.hasOwn(kind.actions, action)) throw new HttpError(404, '该案件没有这项操作', 'NOT_FOUND');
    // The kind's payload schema, compiled once per schema by this route's validator (the JSON API's: no coercion,
    // ./strict-json.ts), and its errors told in zh-CN by the error handler like any body's.
    const validate = req.compileValidationSchema(bodySchemas.get(`${kind.kind}.${action}`)!, 'body');
    if (!validate(req.body ?? {})) throw Object.assign(new Error('invalid body'), { validation: validate.errors, validationContext: 'body', statusCode: 400 });
    const cmd = { action, actor: actorOf(req.staff!), payload: req.body ?? {} } as KindCommand;
    return { view: await viewForStaff(app.db, req.staff!, await actOnCase(app.temporal, caseNo, cmd, idempotencyKeyOf(req))) };
  });
};

export default actionRoutes;
