import view from '@fastify/view';
import fp from 'fastify-plugin';
import Handlebars from 'handlebars';
import { readdirSync } from 'node:fs';
import { registerHelpers } from '../../../templates/helpers';
import { templatePath } from '../../../templates/paths';
import { may } from '../../security/access-policy';

/** Server-rendered zh-CN pages: templates/pages inside templates/pages/layout.hbs, partials from templates/partials. */
export default fp(async (app) => {
  const partials = Object.fromEntries(
    readdirSync(templatePath('partials')).filter((f) => f.endsWith('.hbs'))
      .map((f) => [f.replace(/\.hbs$/, ''), `../partials/${f}`]),
  );
  const handlebars = registerHelpers(Handlebars.create());
  // Menus follow the whole policy, the app's own permissions (api/security/access-policy.ts) with the kinds'.
  handlebars.registerHelper('may', (role: unknown, permission: unknown) => typeof role === 'string' && typeof permission === 'string' && may(role, permission));
  await app.register(view, {
    engine: { handlebars },
    root: templatePath('pages'),
    layout: 'layout.hbs',
    viewExt: 'hbs',
    production: process.env.NODE_ENV === 'production',
    options: { partials },
  });
}, { name: 'views' });
