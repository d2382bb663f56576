/**
 * fungies-contract: every command and flag in one place. `main()` returns the exit code; only the
 * bin (contract-tests/bin.ts) sets the process's exit code.
 */
import { parseArgs } from 'node:util';
import { checkCommand } from './commands/check.js';
import { EXIT, ExitError, usageError } from './commands/errors.js';
import { type Io, processIo } from './commands/io.js';
import { mockCommand } from './commands/mock.js';
import { runCommand } from './commands/run.js';
import { sendWebhook } from './commands/send-webhook.js';
import { kitVersion } from './version.js';

export const HELP = `fungies-contract: does a server honour the Fungies OpenAPI spec?

Usage
  fungies-contract run [options]                        check a server (default: a Prism mock of the spec)
  fungies-contract check <operationId> <status> <file|->  check one saved response body
  fungies-contract check webhook <eventType> <file|->     check one saved webhook event
  fungies-contract send-webhook <url> <eventType|file|->  POST a signed test event to your handler
                          (secret from $FUNGIES_WEBHOOK_SECRET; --timeout as for run)
  fungies-contract mock [--port <n>] [--seed <n>]      serve a seeded Prism mock of the spec for your
                          own integration tests; prints its URL and the keys to use
  fungies-contract --version                            print the kit's version

run options
  --target <url>          server under test (default: $FUNGIES_BASE_URL, else a Prism mock
                          of openapi/api-docs.yaml started and stopped for the run)
  --target-is-prism       the target is a Prism mock: ask it for every documented status
  --operation <sel>       only these operations: operationId, tag or glob, comma-separated
                          (e.g. PatchV0OrdersOrderIdOrNumberCancel, orders, "*Subscriptions*")
  --allow-writes          run operations that change data (POST/PATCH/PUT/DELETE) against a
                          non-mock target; without it they are listed as skipped
  --strict                spec defects (a schema rejecting its own default/example) fail the run
  --json <file>           write the JSON report (schema: contract-tests/report.schema.json)
  --junit <file>          write a JUnit XML report
  --timeout <ms>          per-request timeout (default 30000)
  --max-response-time <ms>  a slower response is a finding (max_response_time)
  --seed <n>              seed of the generated requests (default: random, printed in the report)

check options
  --strict                spec defects fail the check
  --content-type <type>   the response's Content-Type (default: what the spec declares)

Keys come from the environment, never from flags:
  FUNGIES_PUBLIC_KEY      pub_… (required with --target)
  FUNGIES_SECRET_KEY      sec_… (writes; without it they are skipped)

Exit codes
  0  every executed check passed
  1  contract failures (findings other than spec defects, or any finding with --strict)
  2  usage, configuration or spec error (bad flag, missing key, unreachable target)

Examples
  npx fungies-contract run
  npx fungies-contract run --operation orders --json reports/contract.json
  npx fungies-contract run --seed 1234 --max-response-time 2000
  FUNGIES_PUBLIC_KEY=… npx fungies-contract run --target https://staging.example.com
  npx fungies-contract check PatchV0OrdersOrderIdOrNumberCancel 200 \
    node_modules/fungies-contract/dist/openapi/docs-examples/cancel-order.200.docs-example.json
  curl … | npx fungies-contract check PatchV0OrdersOrderIdOrNumberCancel 200 -
`;

type Flags = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(args: string[], options: Flags): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    // node's messages name the flag ("Unknown option '--foo'"); keep the first sentence, which may end a line.
    throw usageError(`${(err as Error).message.split(/\.\s/)[0]}. Run fungies-contract --help`);
  }
}

/** The whole number a numeric flag was given (undefined when it was not given); `what` tells the range in the error. */
function wholeNumber(flag: string, value: unknown, min: number, max: number, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw usageError(`--${flag} must be ${what}, got ${JSON.stringify(value)}`);
  return n;
}

const milliseconds = (flag: string, value: unknown) =>
  wholeNumber(flag, value, 1, Number.POSITIVE_INFINITY, 'a positive number of milliseconds');
const DEFAULT_TIMEOUT_MS = 30_000;

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP);
      return command === undefined ? EXIT.usage : EXIT.pass;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout.write(`${kitVersion()}\n`);
      return EXIT.pass;
    }
    if (command === 'mock') {
      const { values, positionals } = parse(rest, { port: { type: 'string' }, seed: { type: 'string' } });
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      if (positionals.length > 0) throw usageError(`mock takes no arguments, got "${positionals.join(' ')}"`);
      return (
        await mockCommand(
          {
            port: wholeNumber('port', values['port'], 0, 65535, 'a port number from 0 to 65535'),
            seed: wholeNumber('seed', values['seed'], 0, 2 ** 32 - 1, 'a whole number from 0 to 4294967295'),
            stop: io.stopSignal ?? untilSignal(),
          },
          io,
        )
      ).code;
    }
    if (command === 'run') {
      const { values, positionals } = parse(rest, {
        target: { type: 'string' },
        'target-is-prism': { type: 'boolean' },
        operation: { type: 'string' },
        'allow-writes': { type: 'boolean' },
        strict: { type: 'boolean' },
        json: { type: 'string' },
        junit: { type: 'string' },
        timeout: { type: 'string' },
        'max-response-time': { type: 'string' },
        seed: { type: 'string' },
      });
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      if (positionals.length > 0)
        throw usageError(`run takes no arguments, got "${positionals.join(' ')}" (did you mean --operation ${positionals[0]}?)`);
      const { code } = await runCommand(
        {
          target: values['target'] as string | undefined,
          targetIsPrism: values['target-is-prism'] === true,
          operation: values['operation'] as string | undefined,
          allowWrites: values['allow-writes'] === true,
          strict: values['strict'] === true,
          json: values['json'] as string | undefined,
          junit: values['junit'] as string | undefined,
          timeoutMs: milliseconds('timeout', values['timeout']) ?? DEFAULT_TIMEOUT_MS,
          maxResponseTimeMs: milliseconds('max-response-time', values['max-response-time']),
          seed: wholeNumber('seed', values['seed'], 0, 2 ** 32 - 1, 'a whole number from 0 to 4294967295'),
        },
        io,
      );
      return code;
    }
    if (command === 'check') {
      const { values, positionals } = parse(rest, { strict: { type: 'boolean' }, 'content-type': { type: 'string' } });
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      const [operationId, status, file] = positionals;
      if (!operationId || !status || !file || positionals.length > 3)
        throw usageError('usage: fungies-contract check <operationId> <status> <file.json|->');
      const { code } = await checkCommand(
        { operationId, status, file, strict: values['strict'] === true, contentType: values['content-type'] as string | undefined },
        io,
      );
      return code;
    }
    if (command === 'send-webhook') {
      const { values, positionals } = parse(rest, { timeout: { type: 'string' } });
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      const [url, event] = positionals;
      if (!url || !event || positionals.length > 2) throw usageError('usage: fungies-contract send-webhook <url> <eventType|file.json|->');
      return (await sendWebhook({ url, event, timeoutMs: milliseconds('timeout', values['timeout']) ?? DEFAULT_TIMEOUT_MS }, io)).code;
    }
    throw usageError(`unknown command "${command}": use run, check, send-webhook or mock (fungies-contract --help)`);
  } catch (err) {
    if (err instanceof ExitError) {
      io.stderr.write(`fungies-contract: ${err.message}\n`);
      return err.code;
    }
    throw err;
  }
}

/** Resolves on the first Ctrl-C or SIGTERM, so a long-running command can clean up before exiting. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
