/** The spec the suite checks against, located from this file so it works from any working directory. */
import { fileURLToPath } from 'node:url';

export const SPEC_FILE = fileURLToPath(new URL('../openapi/api-docs.yaml', import.meta.url));
