/**
 * The OpenAPI document's view of the one action route: a path per action name (`…/actions/withdraw`), its body the
 * payload schema of each kind that has the action (one schema when they agree, anyOf when they differ), tagged with those kinds. Built from the
 * registry, so a new kind's actions are documented without touching the route.
 */
import { CASE_KINDS } from '../../workflows/kinds';

const ROUTE_PATH = '/api/v1/cases/{caseNo}/actions/{action}';

type Operation = { parameters?: { name: string; in: string; [k: string]: unknown }[]; requestBody?: unknown; summary?: string; tags?: string[]; [k: string]: unknown };
type Document = { paths?: Record<string, Record<string, Operation>>; [k: string]: unknown };

export function expandActionPaths<D extends Document>(doc: D): D {
  const template = doc.paths?.[ROUTE_PATH]?.post;
  if (!doc.paths || !template) return doc;
  const { [ROUTE_PATH]: _one, ...others } = doc.paths;
  const byName = new Map<string, { kind: string; label: string; body: object }[]>();
  for (const k of CASE_KINDS) {
    for (const [name, a] of Object.entries(k.actions)) {
      byName.set(name, [...(byName.get(name) ?? []), { kind: k.label, label: a.label, body: { type: 'object', additionalProperties: false, ...a.body } }]);
    }
  }
  const paths: Record<string, Record<string, Operation>> = { ...others };
  for (const [name, kinds] of byName) {
    // a core action (take-over) carries the same payload in every kind that has it: one schema, not a oneOf that no
    // value can satisfy (it would match every branch); different payloads are alternatives (anyOf)
    const bodies = [...new Map(kinds.map((k) => [JSON.stringify(k.body), k.body])).values()];
    const schema = bodies.length === 1 ? bodies[0] : { anyOf: bodies };
    paths[`/api/v1/cases/{caseNo}/actions/${name}`] = {
      post: {
        ...template,
        operationId: `action_${name}`,
        summary: `办理操作：${kinds.map((k) => `${k.kind}·${k.label}`).join('；')}（带 Idempotency-Key 重复提交只办理一次）`,
        tags: ['actions'],
        parameters: [
          ...(template.parameters ?? []).filter((p) => p.name !== 'action'),
          { name: 'Idempotency-Key', in: 'header', required: false, description: '同一键重复提交只办理一次，答复第一次的结果', schema: { type: 'string', minLength: 1, maxLength: 200 } },
        ],
        requestBody: { required: true, content: { 'application/json': { schema } } },
      },
    };
  }
  return { ...doc, paths };
}
