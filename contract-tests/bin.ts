#!/usr/bin/env node
// The fungies-contract executable (compiled to contract-tests/dist/contract-tests/bin.js; launcher.js runs it): the only place that sets the exit code.
import { main } from './cli.js';
import { exitFlushed } from './exit.js';

let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (err) {
  // An unexpected failure is a bug in the suite: keep the stack for the report.
  console.error(err);
  code = 2;
}
await exitFlushed(code);
