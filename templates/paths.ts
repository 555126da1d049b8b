import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const templatesDir = dirname(fileURLToPath(import.meta.url));
export const templatePath = (...parts: string[]) => join(templatesDir, ...parts);
