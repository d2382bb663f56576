/**
 * Builds the contract kit package (fungies-contract, in contract-tests/): the CLI and what it
 * reaches of src/ and generated/ into contract-tests/dist/, and beside it the spec and the
 * vendor's example responses, at the same paths as in the repository, so the CLI finds the
 * spec the same way from a clone and from the installed package. The validators a run of the bundled
 * spec would compile at start-up are precompiled into the build (scripts/lib/kit-validators.ts).
 */
import { cp, rm, writeFile } from 'node:fs/promises';
import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { SCHEMA_VALIDATORS_FILE } from '../contract-tests/validation/validator-source.js';
import { minifyValidators } from './lib/bundle.js';
import { runScript } from './lib/cli.js';
import { kitValidatorsModule } from './lib/kit-validators.js';
import { listFiles } from './lib/list-files.js';
import { compile } from './lib/tsc.js';

const OUT = 'contract-tests/dist';

await runScript(async () => {
  await rm(OUT, { recursive: true, force: true });
  console.log(`==> Compiling the contract kit into ${OUT}/`);
  await compile('contract-tests/tsconfig.build.json');
  // The validators a run would otherwise compile at start-up, precompiled beside the module that loads them.
  const validators = kitValidatorsModule('../..');
  const validatorsFile = `${OUT}/contract-tests/validation/${SCHEMA_VALIDATORS_FILE}`;
  await writeFile(validatorsFile, validators.code);
  // Every run parses these (Ajv's code, over a megabyte, never read by a user): minified as the
  // client's are, a run loads and plans its checks in about 3 % less CPU.
  await minifyValidators([{ from: validatorsFile, to: validatorsFile }]);
  console.log(`==> Precompiled ${validators.count} validators the kit would compile at run time`);
  // The precompiled validators are CommonJS modules tsc does not emit: copied beside the compiled generated/, minified.
  await cp('generated', `${OUT}/generated`, { recursive: true, filter: (src) => !src.endsWith('.ts') && !src.endsWith('.cjs') });
  const commonJs = (await listFiles('generated')).filter((f) => f.endsWith('.cjs'));
  await minifyValidators(commonJs.map((f) => ({ from: `generated/${f}`, to: `${OUT}/generated/${f}` })));
  await cp(SPEC_PATH, `${OUT}/${SPEC_PATH}`);
  await cp('openapi/docs-examples', `${OUT}/openapi/docs-examples`, { recursive: true });
  console.log(`✔ ${OUT}/ is built (the CLI, the spec and its example responses)`);
});
