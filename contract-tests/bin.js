#!/usr/bin/env node
// Launcher for a clone of the repository: runs the TypeScript CLI through tsx. The only place that exits.
import { existsSync } from 'node:fs';

const cli = new URL('./cli.ts', import.meta.url);
if (!existsSync(cli)) {
  // The published package carries the client only; the suite needs the repository's dev tools.
  console.error('fungies-contract: runs from a clone of the fungies-openapi repository (git clone …, then npm ci), not from the installed package');
  process.exit(2);
}
const { register } = await import('tsx/esm/api');
register();
const { main } = await import(cli.href);
try {
  process.exit(await main(process.argv.slice(2)));
} catch (err) {
  // An unexpected failure is a bug in the suite: keep the stack for the report.
  console.error(err);
  process.exit(2);
}
