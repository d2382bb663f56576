/**
 * npm run check:pack: packs both packages as a release would (each prepack builds its own), installs
 * each tarball alone into an empty project, and uses it there as its users would: the client from an
 * ES module and CommonJS against a Prism mock, the contract kit through its installed CLI.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrism } from '../contract-tests/prism.js';
import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { runScript, ScriptError } from './lib/cli.js';
import { checkClientPackage } from './lib/pack-client.js';
import { checkKitPackage } from './lib/pack-kit.js';
import { pack } from './lib/pack-step.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

await runScript(async () => {
  const root = process.cwd();
  const version = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version;
  const kitVersion = (JSON.parse(await readFile('contract-tests/package.json', 'utf8')) as { version: string }).version;
  if (kitVersion !== version)
    throw new ScriptError(
      `✘ the two packages' versions differ (fungies-openapi ${version}, fungies-contract ${kitVersion}): they move in lockstep`,
    );
  const work = await mkdtemp(join(tmpdir(), 'fungies-pack-'));
  try {
    // No build step here: `npm pack` must build each package itself (prepack), as from a fresh clone.
    await rm(join(root, 'dist'), { recursive: true, force: true });
    await rm(join(root, 'contract-tests/dist'), { recursive: true, force: true });
    const client = await pack(root, work, 'the client (fungies-openapi)');
    const kit = await pack(join(root, 'contract-tests'), work, 'the contract kit (fungies-contract)');
    console.log(`✔ fungies-openapi: ${kb(client.size)} packed, ${kb(client.unpackedSize)} unpacked, ${client.files.length} files`);
    console.log(`✔ fungies-contract: ${kb(kit.size)} packed, ${kb(kit.unpackedSize)} unpacked, ${kit.files.length} files`);
    const prism = await startPrism({ spec: join(root, SPEC_PATH) });
    try {
      await checkClientPackage(root, work, client, prism.url);
    } finally {
      await prism.stop();
    }
    await checkKitPackage(work, kit, version);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
