/**
 * The JSON API of the legal-aid kind's own routes: register an application (the centre's staff) or a court's
 * delegation (its clerk), and list the lawyers the centre may assign. Its commands go through the one action route.
 */
import type { FastifyPluginAsync } from 'fastify';
import { answers } from '../../schemas/responses';
import { legalAidIntakeBody, type LegalAidIntakeRequest } from '../../schemas/legal-aid';
import { openLegalAid } from '../../services/legal-aid-intake';
import { actorOf } from '../../services/viewer';
import { bearer } from './request-parts';

const legalAidRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: LegalAidIntakeRequest }>('/legal-aid/applications', {
    config: { access: 'legalAid.open' },
    schema: { tags: ['legal-aid'], summary: '登记法律援助申请（区总工会法律援助工作站）或法院委派诉前调解（法院，须填委派案号）', body: legalAidIntakeBody, security: bearer, response: answers({ 201: { description: '已登记', properties: { caseNo: { type: 'string' } } } }, 400, 401, 403, 422, 503) },
  }, async (req, reply) => reply.code(201).send(await openLegalAid(app.db, app.temporal, req.body, actorOf(req.staff!))));
};

export default legalAidRoutes;
