/** The Prism mock of the spec that test/e2e/prism-setup.ts starts once for the e2e project. */
import { inject } from 'vitest';

/** Call at the top of a test file; read `.url` inside tests. */
export function usePrism(): { readonly url: string } {
  return {
    get url() {
      return inject('prismUrl');
    },
  };
}
