/**
 * Builds the contract kit package (fungies-contract, in contract-tests/): the CLI and what it
 * reaches of src/ and generated/ into contract-tests/dist/, and beside it the spec and the
 * vendor's example responses, at the same paths as in the repository, so the CLI finds the
 * spec the same way from a clone and from the installed package.
 */
import { cp, rm } from 'node:fs/promises';
import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { runScript } from './lib/cli.js';
import { compile } from './lib/tsc.js';

const OUT = 'contract-tests/dist';

await runScript(async () => {
  await rm(OUT, { recursive: true, force: true });
  console.log(`==> Compiling the contract kit into ${OUT}/`);
  await compile('contract-tests/tsconfig.build.json');
  await cp(SPEC_PATH, `${OUT}/${SPEC_PATH}`);
  await cp('openapi/docs-examples', `${OUT}/openapi/docs-examples`, { recursive: true });
  console.log(`✔ ${OUT}/ is built (the CLI, the spec and its example responses)`);
});
