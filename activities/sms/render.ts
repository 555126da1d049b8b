/** SMS texts are Handlebars templates in templates/sms/, compiled once per process. */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { registerHelpers } from '../../templates/helpers';
import { templatePath } from '../../templates/paths';

const hb = registerHelpers(Handlebars.create());
const compiled = new Map<string, Handlebars.TemplateDelegate>();

export function renderSms(template: string, vars: Record<string, unknown>): string {
  if (!/^[a-z0-9-]+$/.test(template)) throw new Error(`bad SMS template name: ${template}`);
  let fn = compiled.get(template);
  if (!fn) {
    // SMS is plain text: no HTML escaping, but strict so a missing variable fails loudly instead of sending a hole.
    fn = hb.compile(readFileSync(templatePath('sms', `${template}.hbs`), 'utf8'), { noEscape: true, strict: true });
    compiled.set(template, fn);
  }
  return fn(vars).trim();
}
