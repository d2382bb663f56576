/**
 * Builds the contract kit package (fungies-contract, in contract-tests/) into contract-tests/dist/:
 * the CLI bundled with what it reaches of src/ and generated/, the validators a run of the bundled
 * spec would compile at start-up precompiled, the client's precompiled validators, and the spec and
 * the vendor's example responses at the same paths as in the repository (scripts/lib/bundle-kit.ts).
 */
import { rm } from 'node:fs/promises';
import { buildKit } from './lib/bundle-kit.js';
import { runScript } from './lib/cli.js';
import { compile } from './lib/tsc.js';

const OUT = 'contract-tests/dist';

await runScript(async () => {
  await rm(OUT, { recursive: true, force: true });
  console.log('==> Type-checking the contract kit');
  await compile('contract-tests/tsconfig.build.json', { emit: false });
  console.log(`==> Bundling the CLI into ${OUT}/ and precompiling the validators the kit would compile at run time`);
  const { files, validators } = await buildKit('.', OUT);
  console.log(`✔ ${OUT}/ is built: the CLI in ${files} files, ${validators} precompiled validators, the spec and its example responses`);
});
