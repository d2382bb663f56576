/** Where the spec lives: its path inside the package, and the file itself whether the suite runs from source or from dist/. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The spec's path from the package (and repository) root; scripts resolve it against their working directory. */
export const SPEC_PATH = 'openapi/api-docs.yaml';

const candidates = ['../', '../../'].map((up) => fileURLToPath(new URL(up + SPEC_PATH, import.meta.url)));

/** The spec beside this package, as an absolute path. */
export const SPEC_FILE = candidates.find((file) => existsSync(file)) ?? candidates[0]!;
