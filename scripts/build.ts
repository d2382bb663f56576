/**
 * Builds the client package (fungies-openapi) into dist/: tsc compiles what src/index.ts reaches of
 * src/ and generated/ once, for the declarations; esbuild then bundles the code as one ES module
 * (dist/index.js) and one CommonJS file (dist/cjs/index.cjs), the per-file JavaScript the bundles
 * replace is removed, and the precompiled validators (CommonJS, loaded on first use) are copied
 * minified (scripts/lib/bundle.ts). Nothing only the contract kit uses (runtime Ajv, the spec as
 * data) is compiled: the tsconfig starts from the entry point.
 */
import { rm } from 'node:fs/promises';
import { bundleClient, minifyValidators, writeCommonJsTypes } from './lib/bundle.js';
import { runScript } from './lib/cli.js';
import { listFiles } from './lib/list-files.js';
import { compile } from './lib/tsc.js';

await runScript(async () => {
  // A file deleted from src/ must not live on in the package.
  await rm('dist', { recursive: true, force: true });
  console.log('==> Compiling the declarations into dist/');
  await compile('tsconfig.build.json');
  console.log('==> Bundling dist/index.js (ES module) and dist/cjs/index.cjs (CommonJS)');
  await bundleClient(process.cwd(), 'dist/generated', 'dist/index.js', 'esm');
  await bundleClient(process.cwd(), 'dist/generated', 'dist/cjs/index.cjs', 'cjs');
  await writeCommonJsTypes('dist/src/index.d.ts', 'dist/cjs/index.d.cts');
  for (const file of (await listFiles('dist')).map((f) => `dist/${f}`)) {
    if (file.endsWith('.js') && file !== 'dist/index.js') await rm(file);
  }
  console.log('==> Copying the precompiled validators into dist/generated/, minified');
  const validators = (await listFiles('generated')).filter((f) => f.endsWith('.cjs'));
  await minifyValidators(validators.map((f) => ({ from: `generated/${f}`, to: `dist/generated/${f}` })));
  console.log('✔ dist/ is built: one ES module, one CommonJS file, one set of declarations, the validators loaded on first use');
});
