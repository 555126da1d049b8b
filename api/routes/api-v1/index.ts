import type { FastifyPluginAsync } from 'fastify';
import publicRoutes from './public';
import staffRoutes from './staff';

const apiV1: FastifyPluginAsync = async (app) => {
  await app.register(publicRoutes);
  await app.register(staffRoutes);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};

export default apiV1;
