import type { FastifyPluginAsync } from 'fastify';
import { KIND_ROUTES } from '../../kind-routes';
import actionRoutes from './actions';
import { jsonValidatorCompiler } from './strict-json';
import calendarRoutes from './calendar';
import caseFinderRoutes from './case-finder';
import taskReassignmentRoutes from './task-reassignment';
import documentRoutes from './documents';
import negotiationIndexRoutes from './negotiation-index';
import libraryRoutes from './library';
import riskWarningRoutes from './risk-warning';
import figureRoutes from './figures';
import publicRoutes from './public';
import staffRoutes from './staff';

const apiV1: FastifyPluginAsync = async (app) => {
  // The JSON API takes JSON only: a text/plain body is answered 415, not parsed as a string and refused as a wrong shape.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(jsonValidatorCompiler);
  await app.register(publicRoutes);
  await app.register(staffRoutes);
  await app.register(actionRoutes);
  await app.register(calendarRoutes);
  await app.register(caseFinderRoutes);
  await app.register(taskReassignmentRoutes);
  await app.register(negotiationIndexRoutes);
  for (const routes of KIND_ROUTES.api) await app.register(routes);
  await app.register(documentRoutes);
  await app.register(libraryRoutes);
  await app.register(riskWarningRoutes);
  await app.register(figureRoutes);
  app.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
};

export default apiV1;
