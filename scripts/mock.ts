/** npm run mock [-- <spec>]: a Prism mock of the spec on a free port, until Ctrl-C. */

import { startPrism } from '../contract-tests/prism.js';
import { SPEC_PATH } from '../contract-tests/spec-path.js';
import { runScript } from './lib/cli.js';

await runScript(async () => {
  const spec = process.argv[2] ?? SPEC_PATH;
  const port = Number(process.env['PORT'] ?? 0);
  const prism = await startPrism({ spec, port });
  console.log(`✔ Prism mock of ${spec} listening on ${prism.url} (Ctrl-C stops it)`);
  const stop = () => void prism.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
