/** The spec the suite checks against, found next to the package whether it runs from source or from dist/. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = ['../openapi/api-docs.yaml', '../../openapi/api-docs.yaml'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));

export const SPEC_FILE = candidates.find((file) => existsSync(file)) ?? candidates[0]!;
