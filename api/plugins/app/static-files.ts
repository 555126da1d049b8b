/** The pages' stylesheet and script (templates/static), served from this origin so the CSP can forbid inline code. */
import { readFileSync } from 'node:fs';
import fp from 'fastify-plugin';
import { templatePath } from '../../../templates/paths';

const FILES: Record<string, string> = { 'app.css': 'text/css; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8' };

export default fp(async (app) => {
  for (const [name, type] of Object.entries(FILES)) {
    const body = readFileSync(templatePath('static', name));
    app.get(`/static/${name}`, { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=3600').send(body));
  }
}, { name: 'static-files' });
