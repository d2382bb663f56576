/**
 * Keys are read from their headers only: a read whose public key comes in the query string, under
 * the name the spec's security scheme gives its header (`x-fngs-public-key`), must be rejected. A server that takes keys
 * from URLs leaks them into every log and proxy on the way. Reads only, and only the keys a read
 * needs (the public key), so no write runs and no secret key is put in a URL.
 */
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../../src/auth.js';
import { isSafeMethod } from '../../../src/operation-meta.js';
import type { CheckModule } from '../check-module.js';
import { mustReject } from '../check-support.js';
import { sendRaw } from '../exchange.js';

export const queryKeysCheck: CheckModule = {
  name: 'query-keys',
  family: 'security',
  label: 'keys in the query string',
  title: () => 'Auth: rejects keys sent in the query string instead of their headers',
  planOperation: ({ operation }) =>
    isSafeMethod(operation.method) &&
    operation.authHeaders.includes(PUBLIC_KEY_HEADER) &&
    !operation.authHeaders.includes(SECRET_KEY_HEADER)
      ? [{ id: `${operation.operationId} auth: keys in the query string`, kind: 'query-keys', operation, name: 'keys in the query string' }]
      : [],
  skip: (_check, config) => (config.target.publicKey ? undefined : 'needs the public key: set FUNGIES_PUBLIC_KEY'),
  async run(check, planned, config) {
    const op = check.operation;
    const query = { ...planned.query, [PUBLIC_KEY_HEADER]: config.target.publicKey };
    const exchange = await sendRaw(
      op,
      { ...planned, query, keys: { [PUBLIC_KEY_HEADER]: undefined, [SECRET_KEY_HEADER]: undefined } },
      config.target,
    );
    return mustReject(op, exchange, 'query_string_key', 'a request with its keys in the query string and none in headers', true);
  },
};
