/** A missing or malformed key is a 401, as the spec says; 403 is for a valid key without permission. */
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../../src/auth.js';
import type { CheckModule } from '../check-module.js';
import { noResponse, statusFinding } from '../check-support.js';
import { type Exchange, sendRaw, sendThroughClient } from '../exchange.js';
import type { Finding } from '../types.js';

const CASES = ['no public key', 'malformed public key'] as const;

export const authStatusCheck: CheckModule = {
  name: 'auth-status',
  family: 'security',
  label: 'auth status (401)',
  title: () => 'Auth status: 401, not 403, for a missing or malformed key',
  planOperation: ({ operation }) => [
    { id: `${operation.operationId} auth status`, kind: 'auth-status', operation, name: 'missing or malformed key' },
  ],
  skip: (_check, config) =>
    config.kind === 'prism'
      ? 'a Prism mock answers a missing key with whichever documented status it picks and accepts any key value: the status is not its to keep'
      : undefined,
  async run(check, planned, config) {
    const op = check.operation;
    const findings: Finding[] = [];
    let last: Exchange | undefined;
    for (const name of CASES) {
      const exchange =
        name === 'no public key'
          ? await sendThroughClient(op, planned, config.target, { strip: [PUBLIC_KEY_HEADER] })
          : await sendRaw(
              op,
              {
                ...planned,
                keys: {
                  [PUBLIC_KEY_HEADER]: 'not-a-key',
                  [SECRET_KEY_HEADER]: op.authHeaders.includes(SECRET_KEY_HEADER) ? config.target.secretKey : undefined,
                },
              },
              config.target,
            );
      last = exchange;
      const response = exchange.response;
      if (!response) return { exchange, findings: noResponse(op, exchange) };
      // Whether it is rejected at all is the auth check's; this one judges the status of a rejection.
      if (response.status === 403)
        findings.push(
          statusFinding(
            op,
            response,
            'response',
            'auth_status_401',
            `401 for a request with ${name === 'no public key' ? 'no public key' : 'a malformed public key'}`,
          ),
        );
      if (findings.length > 0) return { exchange, findings };
    }
    return { ...(last ? { exchange: last } : {}), findings };
  },
};
