/**
 * fungies-contract: every command and flag in one place. `main()` returns the exit code; only the
 * bin (contract-tests/bin.ts) sets the process's exit code. Each command's module is loaded when
 * that command runs: `--version` or `merge` never load the engine, the client or Ajv.
 */
import { parseArgs } from 'node:util';
import { PUBLIC_KEY_HEADER, SECRET_KEY_HEADER } from '../src/auth.js';
import type { NamedTarget } from './commands/config-file.js';
import { EXIT, ExitError, usageError } from './commands/errors.js';
import { type Io, processIo } from './commands/io.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './engine/capped-body.js';
import { MAX_SHARDS, parseShard } from './engine/shard.js';
import type { SpecModel } from './spec/model.js';
import { kitVersion } from './version.js';

/** The default cap on a --spec file, 20 MB as spec:update's: the bundled spec is ~460 KB. */
const DEFAULT_SPEC_MAX_MB = 20;

/** The spec model (and the generated operations and schemas it holds) loads with the command that needs it, not for --help or --version. */
async function withChosenSpec<T>(spec: SpecModel | undefined, work: () => Promise<T>): Promise<T> {
  const { withSpec } = await import('./spec/model.js');
  return withSpec(spec, work);
}

export const HELP = `fungies-contract: does a server honour the Fungies OpenAPI spec?

Usage
  fungies-contract run [options]                        check a server (default: a Prism mock of the spec)
                          run, list, check and mock take --spec <file|url>: a spec other than the
                          bundled one (e.g. a newer release), read as untrusted input (see below)
  fungies-contract merge <report.json…> [--json f] [--junit f] [--html f] [--summary f]
                          the shards' JSON reports as one report, exit code as the unsharded run
  fungies-contract list [--operation …] [--exclude …] [--shards n] [--seed n] [--json]
                          the operations, their tags and planned checks, and each one's shard
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
  --target-name <name>    a target of the config file (fungies-contract.config.json, or --config
                          <file>): its base URL and options; its keys from FUNGIES_PUBLIC_KEY_<NAME>
                          and FUNGIES_SECRET_KEY_<NAME> (or the variables it names); flags override
  --target-is-prism       the target is a Prism mock: ask it for every documented status
  --operation <sel>       only these operations: operationId, tag or glob, comma-separated
                          (e.g. PatchV0OrdersOrderIdOrNumberCancel, orders, "*Subscriptions*");
                          a name that matches nothing is an error
  --exclude <sel>         leave these operations out (same forms as --operation)
  --allow-writes          run operations that change data (POST/PATCH/PUT/DELETE) against a
                          non-mock target; without it they are listed as skipped
  --strict                spec defects (a schema rejecting its own default/example) fail the run
  --json <file>           write the JSON report (schema: contract-tests/report.schema.json)
  --junit <file>          write a JUnit XML report
  --html <file>           write a self-contained HTML report (coverage matrix, filters, curl lines)
  --summary <file>        write a Markdown summary (e.g. --summary "$GITHUB_STEP_SUMMARY")
  --timeout <ms>          per-request deadline, headers and whole body (default 30000)
  --max-response-time <ms>  a slower response is a finding (max_response_time)
  --max-response-bytes <n>  a larger body is a finding, read no further (default 16777216)
  --seed <n>              seed of the generated requests (default: random, printed in the report)
  --shard <k/n>           run part k of n (CI matrix); needs --seed; merge the reports after
  --max-failures <n>      start no check after n failed (the rest are reported skipped)
  --max-pages <n>         walk a list at most n pages looking for its end (default 20)
  -H, --header <n:v>      send this header with every request (repeatable; values masked in reports)

spec options (run, list, check, mock)
  --spec <file|url>       check against this OpenAPI 3.1 spec instead of the bundled one: its
                          operations, parameters, request bodies, response schemas and resource
                          model (x-resource, x-unit; checks needing them skip without). It must be
                          one self-contained file (no external $ref), within --spec-max-mb, its
                          names and patterns safe; a URL is https (http only to a loopback host),
                          read within --timeout, redirects not followed. The reports name it and
                          its sha256. A broken rule stops the command before any request (exit 2).
  --spec-max-mb <n>       size cap of --spec (default ${DEFAULT_SPEC_MAX_MB})

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
  npx fungies-contract run --spec https://docs.fungies.io/api-reference/api-docs.yaml
`;

type Flags = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

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

const seedFlag = (value: unknown) => wholeNumber('seed', value, 0, 2 ** 32 - 1, 'a whole number from 0 to 4294967295');

/** `-H name:value`, repeatable: header names as HTTP allows them, values on one line, never a key header. */
function headerFlags(values: readonly string[] | undefined): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const headers: Record<string, string> = {};
  for (const raw of values) {
    const at = raw.indexOf(':');
    const name = raw.slice(0, Math.max(0, at)).trim().toLowerCase();
    const value = raw.slice(at + 1).trim();
    if (at < 1 || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))
      throw usageError(`-H/--header must be name:value (e.g. -H "x-env: staging"), got ${JSON.stringify(raw)}`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a control character in a header value is what is refused.
    if (/[\u0000-\u001f\u007f]/.test(value)) throw usageError(`-H ${name}: the value holds a control character or a line break`);
    if (name === PUBLIC_KEY_HEADER || name === SECRET_KEY_HEADER)
      throw usageError(`-H ${name}: keys come from the environment (FUNGIES_PUBLIC_KEY, FUNGIES_SECRET_KEY), never from flags`);
    headers[name] = value;
  }
  return headers;
}

/** `--target-name` (with `--config`): the named target of the config file; a flag given too overrides its field. */
async function namedTarget(values: Record<string, unknown>, io: Io): Promise<NamedTarget | undefined> {
  const name = values['target-name'] as string | undefined;
  const config = values['config'] as string | undefined;
  if (name === undefined) {
    if (config !== undefined) throw usageError('--config names the file of the targets: pick one with --target-name <name>');
    return undefined;
  }
  if (values['target'] !== undefined) throw usageError('--target and --target-name both name the server: give one');
  const { loadTarget } = await import('./commands/config-file.js');
  return loadTarget(io, name, config);
}

const lowerKeys = (headers: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));

/** The report files `run` and `merge` write. */
const REPORT_FLAGS: Flags = { json: { type: 'string' }, junit: { type: 'string' }, html: { type: 'string' }, summary: { type: 'string' } };
const reportPaths = (values: Record<string, unknown>) => ({
  json: values['json'] as string | undefined,
  junit: values['junit'] as string | undefined,
  html: values['html'] as string | undefined,
  summary: values['summary'] as string | undefined,
});

/** `--spec` and its size cap: run, list, check and mock take them. */
const SPEC_FLAGS: Flags = { spec: { type: 'string' }, 'spec-max-mb': { type: 'string' } };

/** The spec given with --spec, read and checked (a one-line usage error otherwise); undefined for the bundled one. */
async function chosenSpec(
  values: Record<string, unknown>,
  io: Io,
  timeoutMs: number,
  timeoutFlag?: string,
): Promise<SpecModel | undefined> {
  const maxMb = wholeNumber('spec-max-mb', values['spec-max-mb'], 1, 1024, 'a whole number of megabytes from 1 to 1024');
  const source = values['spec'] as string | undefined;
  if (source === undefined) {
    if (maxMb !== undefined) throw usageError('--spec-max-mb caps the size of --spec: give --spec <file|url> too');
    return undefined;
  }
  if (source.trim() === '') throw usageError('--spec needs a file path or an https URL of an OpenAPI 3.1 spec');
  // Loaded only for --spec: the spec rules bring a YAML parser and a ReDoS checker every other run can do without.
  const { loadSpec } = await import('./spec/load.js');
  return loadSpec(source, { cwd: io.cwd, maxBytes: (maxMb ?? DEFAULT_SPEC_MAX_MB) * 1024 * 1024, timeoutMs, timeoutFlag });
}

/** The flags of `run`, in --help order. */
const RUN_FLAGS: Flags = {
  target: { type: 'string' },
  'target-name': { type: 'string' },
  config: { type: 'string' },
  'target-is-prism': { type: 'boolean' },
  operation: { type: 'string' },
  exclude: { type: 'string' },
  'allow-writes': { type: 'boolean' },
  strict: { type: 'boolean' },
  ...REPORT_FLAGS,
  timeout: { type: 'string' },
  'max-response-time': { type: 'string' },
  'max-response-bytes': { type: 'string' },
  'max-failures': { type: 'string' },
  'max-pages': { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  seed: { type: 'string' },
  shard: { type: 'string' },
  ...SPEC_FLAGS,
};

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
      const { values, positionals } = parse(rest, { port: { type: 'string' }, seed: { type: 'string' }, ...SPEC_FLAGS });
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      if (positionals.length > 0) throw usageError(`mock takes no arguments, got "${positionals.join(' ')}"`);
      const spec = await chosenSpec(values, io, DEFAULT_TIMEOUT_MS);
      return (
        await withChosenSpec(spec, async () =>
          (
            await import('./commands/mock.js')
          ).mockCommand(
            {
              port: wholeNumber('port', values['port'], 0, 65535, 'a port number from 0 to 65535'),
              seed: wholeNumber('seed', values['seed'], 0, 2 ** 32 - 1, 'a whole number from 0 to 4294967295'),
              stop: io.stopSignal ?? untilSignal(),
            },
            io,
          ),
        )
      ).code;
    }
    if (command === 'list') {
      const { values, positionals } = parse(rest, {
        operation: { type: 'string' },
        exclude: { type: 'string' },
        seed: { type: 'string' },
        shards: { type: 'string' },
        json: { type: 'boolean' },
        ...SPEC_FLAGS,
      });
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      if (positionals.length > 0) throw usageError(`list takes no arguments, got "${positionals.join(' ')}"`);
      const spec = await chosenSpec(values, io, DEFAULT_TIMEOUT_MS);
      // Awaited here, so a usage error it throws is caught below like every other.
      return await withChosenSpec(
        spec,
        async () =>
          (await import('./commands/list.js')).listCommand(
            {
              operation: values['operation'] as string | undefined,
              exclude: values['exclude'] as string | undefined,
              seed: seedFlag(values['seed']) ?? 0,
              shards: wholeNumber('shards', values['shards'], 1, MAX_SHARDS, `a whole number from 1 to ${MAX_SHARDS}`),
              json: values['json'] === true,
            },
            io,
          ).code,
      );
    }
    if (command === 'merge') {
      const { values, positionals } = parse(rest, REPORT_FLAGS);
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      if (positionals.length === 0)
        throw usageError('usage: fungies-contract merge <report.json…> [--json f] [--junit f] [--html f] [--summary f]');
      const { mergeCommand } = await import('./commands/merge.js');
      return (await mergeCommand({ files: positionals, ...reportPaths(values) }, io)).code;
    }
    if (command === 'run') {
      const { values, positionals } = parse(rest, RUN_FLAGS);
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      if (positionals.length > 0)
        throw usageError(`run takes no arguments, got "${positionals.join(' ')}" (did you mean --operation ${positionals[0]}?)`);
      const shard = values['shard'] === undefined ? undefined : parseShard(values['shard'] as string);
      if (typeof shard === 'string') throw usageError(shard);
      const named = await namedTarget(values, io);
      const t = named?.config;
      const timeoutMs = milliseconds('timeout', values['timeout']) ?? t?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      // Before anything is sent: a spec that breaks a rule stops the run here.
      const spec = await chosenSpec(values, io, timeoutMs, '--timeout');
      const flagHeaders = headerFlags(values['header'] as string[] | undefined);
      const headers = t?.headers || flagHeaders ? { ...lowerKeys(t?.headers), ...flagHeaders } : undefined;
      const { code } = await withChosenSpec(spec, async () =>
        (await import('./commands/run.js')).runCommand(
          {
            target: t?.baseUrl ?? (values['target'] as string | undefined),
            targetIsPrism: values['target-is-prism'] === true || t?.targetIsPrism === true,
            operation: (values['operation'] as string | undefined) ?? t?.operations,
            exclude: (values['exclude'] as string | undefined) ?? t?.exclude,
            shard,
            maxFailures: wholeNumber('max-failures', values['max-failures'], 1, Number.MAX_SAFE_INTEGER, 'a positive whole number'),
            maxPages: wholeNumber('max-pages', values['max-pages'], 1, 10_000, 'a whole number of pages from 1 to 10000'),
            headers,
            targetName: named?.name,
            keyEnv: named?.keyEnv,
            allowWrites: values['allow-writes'] === true || t?.allowWrites === true,
            strict: values['strict'] === true,
            ...reportPaths(values),
            timeoutMs,
            maxResponseTimeMs: milliseconds('max-response-time', values['max-response-time']) ?? t?.maxResponseTimeMs,
            maxResponseBytes:
              wholeNumber('max-response-bytes', values['max-response-bytes'], 1, 2 ** 31, 'a number of bytes from 1 to 2147483648') ??
              DEFAULT_MAX_RESPONSE_BYTES,
            seed: seedFlag(values['seed']),
          },
          io,
        ),
      );
      return code;
    }
    if (command === 'check') {
      const { values, positionals } = parse(rest, { strict: { type: 'boolean' }, 'content-type': { type: 'string' }, ...SPEC_FLAGS });
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      const [operationId, status, file] = positionals;
      if (!operationId || !status || !file || positionals.length > 3)
        throw usageError('usage: fungies-contract check <operationId> <status> <file.json|->');
      if (operationId === 'webhook' && values['spec'] !== undefined)
        throw usageError('check webhook checks events against the bundled spec: --spec applies to run, list, check <operationId> and mock');
      const spec = await chosenSpec(values, io, DEFAULT_TIMEOUT_MS);
      const { code } = await withChosenSpec(spec, async () =>
        (await import('./commands/check.js')).checkCommand(
          { operationId, status, file, strict: values['strict'] === true, contentType: values['content-type'] as string | undefined },
          io,
        ),
      );
      return code;
    }
    if (command === 'send-webhook') {
      const { values, positionals } = parse(rest, { timeout: { type: 'string' } });
      if (values['help']) return (io.stdout.write(HELP), EXIT.pass);
      const [url, event] = positionals;
      if (!url || !event || positionals.length > 2) throw usageError('usage: fungies-contract send-webhook <url> <eventType|file.json|->');
      const { sendWebhook } = await import('./commands/send-webhook.js');
      return (await sendWebhook({ url, event, timeoutMs: milliseconds('timeout', values['timeout']) ?? DEFAULT_TIMEOUT_MS }, io)).code;
    }
    throw usageError(`unknown command "${command}": use run, list, merge, check, send-webhook or mock (fungies-contract --help)`);
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
