/** npm run build: compiles src/ and generated/ twice, ES modules into dist/ and CommonJS into dist/cjs/. */
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { runScript, ScriptError } from './lib/cli.js';

const exec = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

async function compile(project: string): Promise<void> {
  try {
    await exec(process.execPath, [tsc, '-p', project]);
  } catch (err) {
    const { stdout = '' } = err as { stdout?: string };
    throw new ScriptError(`✘ tsc -p ${project} failed:\n${stdout.trim()}`);
  }
}

await runScript(async () => {
  // A file deleted from src/ must not live on in the package.
  await rm('dist', { recursive: true, force: true });
  console.log('==> Compiling ES modules into dist/');
  await compile('tsconfig.build.json');
  console.log('==> Compiling CommonJS into dist/cjs/');
  await compile('tsconfig.cjs.json');
  // The package is "type": "module"; this marks the .js files under dist/cjs as CommonJS.
  await writeFile('dist/cjs/package.json', '{ "type": "commonjs" }\n');
  console.log('✔ dist/ (import) and dist/cjs/ (require) are built');
});
