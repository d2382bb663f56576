/**
 * node builtins that only a rarely used path needs, loaded on that path's first run instead of at
 * import: an ES module import of node:crypto alone costs a fresh process some 10 ms of CPU (it
 * brings node's streams with it). require() is synchronous, so verifyWebhook stays synchronous from
 * either bundle (the CommonJS one is given its own require as createRequire: scripts/lib/bundle.ts).
 */
import { createRequire } from 'node:module';

let load: NodeJS.Require | undefined;

function builtin<T>(name: string): T {
  load ??= createRequire(import.meta.url);
  return load(name) as T;
}

export const nodeCrypto = (): typeof import('node:crypto') => builtin('node:crypto');
export const nodeUtil = (): typeof import('node:util') => builtin('node:util');
