#!/usr/bin/env node
// The fungies-contract executable. Installed from the package it runs the compiled CLI; in a clone
// of the repository (where the TypeScript source sits beside it) it runs that source through tsx,
// so `npx fungies-contract` needs no build step and never runs a stale build.
import { existsSync } from 'node:fs';

const source = new URL('./bin.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('./dist/contract-tests/bin.js', import.meta.url).href);
}
