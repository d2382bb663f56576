/** Missing, invalid and malformed keys must be rejected; a write must not pass with only the public key. */
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../../../src/auth.js';
import type { CheckModule } from '../check-module.js';
import { mustReject } from '../check-support.js';
import { type Exchange, type RawRequest, sendRaw, sendThroughClient } from '../exchange.js';
import { createRandom, seedFor } from '../random.js';

export type AuthName = 'no public key' | 'invalid public key' | 'malformed public key' | 'no secret key' | 'invalid secret key';

export const authCheck: CheckModule = {
  name: 'auth',
  family: 'security',
  label: 'auth (must reject)',
  title: (check) =>
    `Auth: rejects a request with ${check.name === 'no secret key' ? 'only the public key' : check.name?.startsWith('no ') ? check.name : `${check.name?.startsWith('invalid') ? 'an' : 'a'} ${check.name}`}`,
  planOperation({ operation }) {
    const names: AuthName[] = ['no public key', 'invalid public key', 'malformed public key'];
    if (operation.authHeaders.includes(SECRET_KEY_HEADER)) names.push('no secret key', 'invalid secret key');
    return names.map((name) => ({ id: `${operation.operationId} auth: ${name}`, kind: 'auth', operation, name }));
  },
  skip: (check, config) =>
    config.kind === 'prism' && /^(invalid|malformed)/.test(check.name!)
      ? 'a Prism mock checks that key headers are present, not their values'
      : undefined,
  async run(check, planned, config) {
    const op = check.operation;
    const name = check.name as AuthName;
    let exchange: Exchange;
    if (name === 'no public key' || name === 'no secret key') {
      exchange = await sendThroughClient(op, planned, config.target, {
        strip: [name === 'no public key' ? PUBLIC_KEY_HEADER : SECRET_KEY_HEADER],
      });
    } else {
      const random = createRandom(seedFor(0, op.operationId + name));
      const keys: RawRequest['keys'] = {
        [PUBLIC_KEY_HEADER]: config.target.publicKey,
        [SECRET_KEY_HEADER]: op.authHeaders.includes(SECRET_KEY_HEADER) ? config.target.secretKey : undefined,
      };
      if (name === 'invalid public key') keys[PUBLIC_KEY_HEADER] = `pub_${random.alnum(24)}`;
      if (name === 'malformed public key') keys[PUBLIC_KEY_HEADER] = 'not-a-key';
      if (name === 'invalid secret key') keys[SECRET_KEY_HEADER] = `sec_${random.alnum(24)}`;
      exchange = await sendRaw(op, { ...planned, keys }, config.target);
    }
    return mustReject(
      op,
      exchange,
      'ignored_auth',
      `a request with ${name === 'no secret key' ? 'only the public key' : name === 'no public key' ? 'no public key' : `an ${name}`}`,
      true,
    );
  },
};
