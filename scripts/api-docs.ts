/** npm run docs:api: writes docs/api.md, the per-method reference, from the spec (see scripts/lib/api-reference.ts). */
import { writeFile } from 'node:fs/promises';
import { API_REFERENCE_FILE, apiReference } from './lib/api-reference.js';
import { runScript } from './lib/cli.js';

await runScript(async () => {
  await writeFile(API_REFERENCE_FILE, apiReference());
  console.log(`✔ wrote ${API_REFERENCE_FILE}`);
});
