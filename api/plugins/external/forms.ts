import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';

/** Phone forms post urlencoded bodies; staff sessions ride on a cookie. */
export default fp(async (app) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  await app.register(cookie);
}, { name: 'forms' });
