#!/usr/bin/env node
// The fungies-contract executable (compiled to contract-tests/dist/contract-tests/bin.js; launcher.js runs it): the only place that sets the exit code.
import { setFlagsFromString } from 'node:v8';

// A run lives a second or two and calls most of its functions a few hundred times: with V8's
// default budget it spends more CPU compiling them with TurboFan (on background threads) than the
// optimised code gives back. Sixteen times the budget leaves that to the functions a long run
// really keeps hot.
// Set before the CLI's modules load, so every function they define counts against it.
setFlagsFromString('--interrupt-budget=1081344');

const { main } = await import('./cli.js');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  // An unexpected failure is a bug in the suite: keep the stack for the report.
  console.error(err);
  process.exitCode = 2;
}
