import view from '@fastify/view';
import fp from 'fastify-plugin';
import Handlebars from 'handlebars';
import { readdirSync } from 'node:fs';
import { registerHelpers } from '../../../templates/helpers';
import { templatePath } from '../../../templates/paths';

/** Server-rendered zh-CN pages: templates/pages inside templates/pages/layout.hbs, partials from templates/partials. */
export default fp(async (app) => {
  const partials = Object.fromEntries(
    readdirSync(templatePath('partials')).filter((f) => f.endsWith('.hbs'))
      .map((f) => [f.replace(/\.hbs$/, ''), `../partials/${f}`]),
  );
  await app.register(view, {
    engine: { handlebars: registerHelpers(Handlebars.create()) },
    root: templatePath('pages'),
    layout: 'layout.hbs',
    viewExt: 'hbs',
    production: process.env.NODE_ENV === 'production',
    options: { partials },
  });
}, { name: 'views' });
