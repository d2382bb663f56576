/** One Prism mock of the spec per test file, started before its tests and stopped after them. */
import { afterAll, beforeAll } from 'vitest';
import { type PrismHandle, startPrism } from '../../contract-tests/prism.js';

/** Call at the top of a test file; read `.url` inside tests, once Prism is up. */
export function usePrism(spec = 'openapi/api-docs.yaml'): { readonly url: string } {
  let prism: PrismHandle | undefined;
  beforeAll(async () => {
    prism = await startPrism({ spec });
  });
  afterAll(async () => {
    await prism?.stop();
  });
  return {
    get url() {
      if (!prism) throw new Error('Prism is not started yet: read .url inside a test');
      return prism.url;
    },
  };
}
