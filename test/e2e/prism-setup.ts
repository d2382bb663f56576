/**
 * The e2e project's global setup: one Prism mock of the spec for all its files (Prism keeps no
 * state between requests, and each start costs seconds of CPU), stopped after the last one.
 */
import type { TestProject } from 'vitest/node';
import { startPrism } from '../../contract-tests/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism({ spec: 'openapi/api-docs.yaml' });
  project.provide('prismUrl', prism.url);
  return () => prism.stop();
}
