/**
 * Bulk reassignment in the JSON API (issue 23): `POST /api/v1/task-reassignments`. One command per case; the answer
 * lists every case with what moved or why not (a case closed meanwhile), so nothing fails silently.
 */
import type { FastifyPluginAsync } from 'fastify';
import { answers } from '../../schemas/responses';
import { reassignBody } from '../../schemas/task-reassignment';
import { reassignOpenTasks, type ReassignRequest } from '../../services/task-reassignment';
import { bearer, idempotencyKeyOf } from './request-parts';

const taskReassignmentRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: ReassignRequest }>('/task-reassignments', {
    config: { access: 'tasks.reassign' },
    schema: {
      tags: ['case-finder'], security: bearer, body: reassignBody,
      summary: '批量转派待办：把所选案件（或某工作人员全部未办结案件）的待办转给同单位同岗位的另一人，每件案件一条命令并记录理由；带 Idempotency-Key 重复提交只办理一次',
      response: answers({
        200: {
          description: '逐件结果：ok 为 true 的列出已转派的待办，false 的给出中文原因（如案件已办结）',
          properties: { to: { type: 'object', additionalProperties: true }, from: { type: ['object', 'null'], additionalProperties: true }, results: { type: 'array' }, moved: { type: 'integer' }, failed: { type: 'integer' } },
        },
      }, 401, 403, 422),
    },
  }, async (req) => reassignOpenTasks(app.db, app.temporal, req.staff!, req.body, idempotencyKeyOf(req)));
};

export default taskReassignmentRoutes;
