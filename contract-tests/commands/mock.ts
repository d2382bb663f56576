/**
 * `fungies-contract mock`: the seeded Prism mock of the spec (the bundled one, or --spec), for a merchant's own
 * integration tests. It prints the URL and the keys to point a client at, then serves until it is
 * told to stop (Ctrl-C, SIGTERM, or the `stop` promise in tests).
 */
import { MOCK_KEYS } from '../engine/config.js';
import { PrismMissingError, startPrism } from '../prism.js';
import { activeSpec } from '../spec/model.js';
import { EXIT, usageError } from './errors.js';
import type { Io } from './io.js';

export interface MockOptions {
  /** 0 or unset: a free port. */
  port?: number | undefined;
  seed?: number | undefined;
  /** Resolves when the mock should stop; the CLI resolves it on SIGINT/SIGTERM. */
  stop: Promise<void>;
}

export async function mockCommand(options: MockOptions, io: Io): Promise<{ code: number }> {
  let prism: Awaited<ReturnType<typeof startPrism>>;
  try {
    prism = await startPrism({
      spec: await activeSpec().file(),
      port: options.port ?? 0,
      cwd: io.cwd,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
  } catch (err) {
    if (err instanceof PrismMissingError) throw usageError(err.message);
    throw usageError(`cannot start the Prism mock: ${(err as Error).message.split('\n')[0]}`);
  }
  io.stdout.write(
    [
      `✔ Prism mock of the Fungies API listening on ${prism.url}`,
      '  Point a client or the contract suite at it with:',
      `  FUNGIES_BASE_URL=${prism.url}`,
      // The mock checks that the key headers are present, not their values: any pub_/sec_ key works.
      `  FUNGIES_PUBLIC_KEY=${MOCK_KEYS.publicKey}`,
      `  FUNGIES_SECRET_KEY=${MOCK_KEYS.secretKey}`,
      '  Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  await options.stop;
  await prism.stop();
  return { code: EXIT.pass };
}
