import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { expandActionPaths } from '../../schemas/action-docs';

/** The OpenAPI document is generated from the same route schemas that validate requests (and the registry's payloads). */
export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: { title: '工情 Gongqing API', version: '1.0.0', description: '工会维权案件管理：诉求受理、办理、督办与评价' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transformObject: (documentObject) => expandActionPaths(('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject) as never),
  });
}, { name: 'openapi' });
