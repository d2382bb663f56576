/**
 * Builds the client package (fungies-openapi): what src/index.ts reaches of src/ and generated/,
 * compiled once as ES modules with declarations into dist/, then bundled as CommonJS into dist/cjs/
 * with declarations that re-export the ES ones (scripts/lib/cjs-build.ts). Nothing only the contract
 * kit uses (runtime Ajv, the spec as data) is compiled: the tsconfig starts from the entry point.
 */
import { readdir, rm } from 'node:fs/promises';
import { bundleCommonJs, minifyValidators, writeCommonJsTypes } from './lib/cjs-build.js';
import { runScript } from './lib/cli.js';
import { compile } from './lib/tsc.js';

await runScript(async () => {
  // A file deleted from src/ must not live on in the package.
  await rm('dist', { recursive: true, force: true });
  console.log('==> Compiling ES modules and declarations into dist/');
  await compile('tsconfig.build.json');
  const validators = (await readdir('dist/generated/response-validators')).map((f) => `dist/generated/response-validators/${f}`);
  await minifyValidators([...validators.filter((f) => f.endsWith('.js')), 'dist/generated/webhook-validators.js']);
  console.log('==> Bundling CommonJS into dist/cjs/');
  await bundleCommonJs(process.cwd(), 'dist', 'dist/cjs/index.cjs');
  await writeCommonJsTypes('dist/src/index.d.ts', 'dist/cjs/index.d.cts');
  console.log('✔ dist/ (import) and dist/cjs/ (require) are built');
});
