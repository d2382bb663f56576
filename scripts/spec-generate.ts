/** npm run spec:generate: validates openapi/api-docs.yaml and rewrites generated/ from it. */

import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { runScript } from './lib/cli.js';
import { GENERATED_DIR, generateFiles } from './lib/generate.js';
import { loadValidSpec } from './lib/validate.js';
import { writeGenerated } from './lib/write-generated.js';

await runScript(async () => {
  const file = process.argv[2] ?? SPEC_PATH;
  console.log(`==> Generating ${GENERATED_DIR}/ from ${file}`);
  const spec = await loadValidSpec(file);
  const files = await generateFiles(spec);
  await writeGenerated(GENERATED_DIR, files);
  console.log(`✔ wrote ${[...files.keys()].map((f) => `${GENERATED_DIR}/${f}`).join(', ')}`);
});
