/** npm run spec:validate [-- <file>]: validates the bundled spec (default openapi/api-docs.yaml). */

import { specOperations } from '../contract-tests/spec/openapi-walk.js';
import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { runScript } from './lib/cli.js';
import { formatWarnings, specWarnings } from './lib/spec-warnings.js';
import { loadValidSpec } from './lib/validate.js';

await runScript(async () => {
  const file = process.argv[2] ?? SPEC_PATH;
  console.log(`==> Validating ${file}`);
  const spec = await loadValidSpec(file);
  const warnings = specWarnings(spec);
  if (warnings.length > 0) console.log(formatWarnings(file, warnings));
  console.log(
    `✔ ${file} is valid: ${specOperations(spec.doc).length} operation(s)${warnings.length ? `, ${warnings.length} warning(s)` : ''}`,
  );
});
