/** The figures in the JSON API (issues 21 and 23): the supervisors' "four haves" figures and the station's own. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { badRequest } from '../../errors';
import { figuresQuery, figuresValidationMessage, stationFiguresQuery } from '../../schemas/figures';
import { answers } from '../../schemas/responses';
import { fourHavesReport, type FiguresQuery } from '../../services/figures/four-haves';
import { stationReport, type StationQuery } from '../../services/figures/station';

const bearer = [{ bearer: [] }];
const tags = ['figures'];

const refuseInvalid = (months: boolean) => (req: FastifyRequest) => {
  if (req.validationError) throw badRequest(figuresValidationMessage(req.validationError.validation ?? [], months));
};

const figureRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FiguresQuery }>('/figures/four-haves', {
    config: { access: 'figures.read' }, attachValidation: true,
    schema: { tags, summary: '“四有”工作数据：按街道、经办人或案件类型统计登记日期范围内案件的首次响应用时、环节按时办结率、超时升级、未办结案件账龄、职工评分、调解与法律援助金额（金额单位：分）', querystring: figuresQuery, security: bearer,
      response: answers({ 200: { description: '各组数据和合计', properties: {
        by: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, asOf: { type: 'string' },
        ageBuckets: { type: 'array', items: { type: 'string' } }, groups: { type: 'array' }, total: { type: 'object', additionalProperties: true },
      } } }, 400, 401, 403, 422) },
  }, async (req) => {
    refuseInvalid(false)(req);
    return fourHavesReport(app.db, req.staff!, req.query);
  });

  app.get<{ Querystring: StationQuery }>('/figures/station', {
    config: { access: 'stationFigures.read' }, attachValidation: true,
    schema: { tags, summary: '调解工作室工作数据：按月、按调解员统计收案、达成协议、转仲裁、撤回、协议金额、挽回损失、申请至协议及协议至调解书的平均天数（金额单位：分）', querystring: stationFiguresQuery, security: bearer,
      response: answers({ 200: { description: '各月各调解员的数据和合计', properties: {
        from: { type: 'string' }, to: { type: 'string' }, asOf: { type: 'string' }, months: { type: 'array' }, mediators: { type: 'array' },
        total: { type: 'object', additionalProperties: true },
      } } }, 400, 401, 403, 422) },
  }, async (req) => {
    refuseInvalid(true)(req);
    return stationReport(app.db, req.staff!, req.query);
  });
};

export default figureRoutes;
