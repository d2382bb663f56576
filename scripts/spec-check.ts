/** npm run spec:check: the spec is valid and generated/ is exactly what it generates (CI runs this). */

import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { runScript, ScriptError } from './lib/cli.js';
import { driftedFiles } from './lib/drift.js';
import { GENERATED_DIR, generateFiles } from './lib/generate.js';
import { recoverInterruptedUpdate } from './lib/spec-update/swap.js';
import { loadValidSpec } from './lib/validate.js';

await runScript(async () => {
  // A spec:update killed half-way is completed or undone first, so what is checked is one whole version.
  const recovered = await recoverInterruptedUpdate(process.cwd());
  if (recovered) console.log(recovered);
  const file = process.argv[2] ?? SPEC_PATH;
  console.log(`==> Checking ${file} and ${GENERATED_DIR}/`);
  const spec = await loadValidSpec(file);
  const drifted = await driftedFiles(GENERATED_DIR, await generateFiles(spec));
  if (drifted.length > 0) {
    throw new ScriptError(
      `✘ ${GENERATED_DIR}/ is out of date: run npm run spec:generate\n${drifted.map((f) => `  ${GENERATED_DIR}/${f}`).join('\n')}`,
    );
  }
  console.log(`✔ ${file} is valid and ${GENERATED_DIR}/ is up to date`);
});
