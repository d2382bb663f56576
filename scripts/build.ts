/**
 * Builds the client package (fungies-openapi) into dist/: tsc compiles what src/index.ts reaches of
 * src/ and generated/ once, for the declarations and the lazily imported validators; esbuild then
 * bundles the code as one ES module (dist/index.js) and one CommonJS file (dist/cjs/index.cjs), and
 * the per-file JavaScript the bundles replace is removed (scripts/lib/bundle.ts). Nothing only the
 * contract kit uses (runtime Ajv, the spec as data) is compiled: the tsconfig starts from the entry point.
 */
import { rm } from 'node:fs/promises';
import { bundleClient, minifyValidators, writeCommonJsTypes } from './lib/bundle.js';
import { runScript } from './lib/cli.js';
import { listFiles } from './lib/list-files.js';
import { compile } from './lib/tsc.js';

/** What the bundles import at run time instead of carrying: the validators and the formats they use. */
const LAZY = /^dist\/(generated\/response-validators(\/.*)?\.js|src\/validation\/formats\.js)$/;

await runScript(async () => {
  // A file deleted from src/ must not live on in the package.
  await rm('dist', { recursive: true, force: true });
  console.log('==> Compiling declarations and the lazily loaded validators into dist/');
  await compile('tsconfig.build.json');
  const validators = (await listFiles('dist/generated/response-validators'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `dist/generated/response-validators/${f}`);
  await minifyValidators([...validators, 'dist/generated/webhook-validators.js']);
  console.log('==> Bundling dist/index.js (ES module) and dist/cjs/index.cjs (CommonJS)');
  await bundleClient(process.cwd(), 'dist', 'dist/index.js', 'esm');
  await bundleClient(process.cwd(), 'dist', 'dist/cjs/index.cjs', 'cjs');
  await writeCommonJsTypes('dist/src/index.d.ts', 'dist/cjs/index.d.cts');
  for (const file of (await listFiles('dist')).map((f) => `dist/${f}`)) {
    if (file.endsWith('.js') && file !== 'dist/index.js' && !LAZY.test(file)) await rm(file);
  }
  console.log('✔ dist/ is built: one ES module, one CommonJS file, one set of declarations');
});
