/** npm run spec:generate: validates openapi/api-docs.yaml and rewrites generated/ from it. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runScript } from './lib/cli.js';
import { generateFiles, GENERATED_DIR } from './lib/generate.js';
import { DEFAULT_SPEC_PATH } from './lib/spec-file.js';
import { loadValidSpec } from './lib/validate.js';

/** Writes `files` into `dir`, removing generated files that are no longer produced. */
export async function writeGenerated(dir: string, files: Map<string, string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) if (!files.has(name)) await rm(join(dir, name));
  for (const [name, text] of files) await writeFile(join(dir, name), text);
}

await runScript(async () => {
  const file = process.argv[2] ?? DEFAULT_SPEC_PATH;
  console.log(`==> Generating ${GENERATED_DIR}/ from ${file}`);
  const spec = await loadValidSpec(file);
  const files = await generateFiles(spec);
  await writeGenerated(GENERATED_DIR, files);
  console.log(`✔ wrote ${[...files.keys()].map((f) => `${GENERATED_DIR}/${f}`).join(', ')}`);
});
