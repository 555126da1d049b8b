/**
 * The JSON API validates bodies as JSON: a number where the schema says text is refused, not turned into "123" (a
 * client that sent {"reason":123} had handed a case up with the reason "123"). The pages keep the app's coercing
 * validator, since a form posts everything as text; path parameters and query strings are text here too, and keep it.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifySchemaCompiler } from 'fastify';

const build = AjvCompiler();
const common = { allErrors: false, removeAdditional: false } as const;
const strictBodies = build({}, { customOptions: { ...common, coerceTypes: false }, plugins: [] });
const textParts = build({}, { customOptions: { ...common, coerceTypes: true }, plugins: [] });

export const jsonValidatorCompiler: FastifySchemaCompiler<unknown> = (route) =>
  (route.httpPart === 'body' ? strictBodies : textParts)(route as never);
