/** The red / yellow / blue early warning in the JSON API: the dashboard's data, and recording a follow-up as done. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { badRequest } from '../../errors';
import { followUpDoneBody, followUpParams, riskQuery, riskValidationMessage } from '../../schemas/risk-warning';
import { answers } from '../../schemas/responses';
import { markFollowUpDone } from '../../services/risk-warning/done';
import { riskReport, type RiskFilters } from '../../services/risk-warning/report';

const bearer = [{ bearer: [] }];
const tags = ['risk-warning'];

function refuseInvalid(req: FastifyRequest): void {
  if (req.validationError) throw badRequest(riskValidationMessage(req.validationError.validation ?? []));
}

const riskWarningRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: RiskFilters }>('/risk-warnings', {
    config: { access: 'risk.read' }, attachValidation: true,
    schema: { tags, summary: '红黄蓝风险预警：各街道（园区）和企业的预警颜色、未办结的处置任务、各街道按月投诉件数（街道工会主席为本街道）', querystring: riskQuery, security: bearer,
      response: answers({ 200: { description: '预警', properties: {
        policy: { type: 'object', additionalProperties: true }, streets: { type: 'array' }, units: { type: 'array' }, followUps: { type: 'array' },
        months: { type: 'array', items: { type: 'string' } }, trend: { type: 'array' },
      } } }, 400, 401, 403, 422) },
  }, async (req) => {
    refuseInvalid(req);
    return riskReport(app.db, req.staff!, req.query);
  });

  app.post<{ Params: { followupId: string }; Body: { note: string } }>('/risk-warnings/follow-ups/:followupId/done', {
    config: { access: 'risk.act' }, attachValidation: true,
    schema: { tags, summary: '登记处置任务已办结（走访、约谈或联合检查的结果）', params: followUpParams, body: followUpDoneBody, security: bearer,
      response: answers({ 202: { description: '已登记，任务随即办结', properties: { followupId: { type: 'string' } } } }, 400, 401, 403, 404, 409) },
  }, async (req, reply) => {
    refuseInvalid(req);
    await markFollowUpDone(app.db, app.temporal, req.staff!, req.params.followupId, req.body.note);
    return reply.code(202).send({ followupId: req.params.followupId });
  });
};

export default riskWarningRoutes;
