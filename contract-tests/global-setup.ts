/** vitest globalSetup of the contract suite: starts a Prism mock of the spec unless a target is configured. */
import type { TestProject } from 'vitest/node';
import { startPrism, type PrismHandle } from '../scripts/lib/prism.js';
import { readSuiteConfig, type SuiteConfig } from './engine/config.js';
import { SPEC_FILE } from './spec-file.js';

declare module 'vitest' {
  export interface ProvidedContext {
    contractConfig: SuiteConfig & { targetUrl: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = readSuiteConfig();
  let prism: PrismHandle | undefined;
  if (!config.targetUrl) {
    prism = await startPrism({ spec: SPEC_FILE });
    config.targetUrl = prism.url;
    config.kind = 'prism';
  }
  project.provide('contractConfig', { ...config, targetUrl: config.targetUrl });
  return async () => {
    await prism?.stop();
  };
}
