#!/usr/bin/env node
// Launcher for a clone of the repository: runs the TypeScript CLI through tsx. The only place that exits.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../contract-tests/cli.ts');
try {
  process.exit(await main(process.argv.slice(2)));
} catch (err) {
  // An unexpected failure is a bug in the suite: keep the stack for the report.
  console.error(err);
  process.exit(2);
}
