/**
 * A write must not pass with the public key in the secret-key header: writes are authorised by the
 * secret key, not by any key of the account. The auth check covers a write with no secret key.
 */
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../../src/auth.js';
import type { CheckModule } from '../check-module.js';
import { mustReject } from '../check-support.js';
import { sendRaw } from '../exchange.js';

export const publicKeyAsSecretCheck: CheckModule = {
  name: 'public-key-as-secret',
  family: 'security',
  label: 'public key as secret',
  title: () => 'Auth: rejects a write with the public key in the secret-key header',
  planOperation: ({ operation }) =>
    operation.authHeaders.includes(SECRET_KEY_HEADER)
      ? [
          {
            id: `${operation.operationId} auth: public key as secret`,
            kind: 'public-key-as-secret',
            operation,
            name: 'public key in the secret-key header',
          },
        ]
      : [],
  skip: (_check, config) => {
    if (config.kind === 'prism') return 'a Prism mock checks that key headers are present, not their values';
    return config.target.publicKey ? undefined : 'needs the public key: set FUNGIES_PUBLIC_KEY';
  },
  async run(check, planned, config) {
    const key = config.target.publicKey;
    const exchange = await sendRaw(
      check.operation,
      { ...planned, keys: { [PUBLIC_KEY_HEADER]: key, [SECRET_KEY_HEADER]: key } },
      config.target,
    );
    return mustReject(check.operation, exchange, 'public_key_as_secret', 'a write with the public key in the secret-key header', true);
  },
};
