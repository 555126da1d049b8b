import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { expandActionPaths } from '../../schemas/action-docs';

/**
 * The OpenAPI document is generated from the same route schemas that validate requests. It describes the JSON API
 * only: the pages are forms for a browser (a CSRF token in each, HTML answers) and no client can call them as operations,
 * so a route outside /api/ is left out even when it declares no `hide`.
 */
export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: { title: '工情 Gongqing API', version: '1.0.0', description: '工会维权案件管理：诉求受理、办理、督办与评价' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transformObject: (documentObject) => expandActionPaths(('openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject) as never),
    transform: ({ schema, url }) => ({ schema: url.startsWith('/api/') ? schema : { ...schema, hide: true }, url }),
  });
}, { name: 'openapi' });
