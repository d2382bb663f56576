/** npm run spec:update -- [<url|file>] [--official] [--fail-on-breaking] [--dry-run] [--max-mb N] [--timeout S]: see HELP. */
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from '../contract-tests/spec/download.js';
import { runScript, ScriptError } from './lib/cli.js';
import { specUpdate } from './lib/spec-update/command.js';
import { EXIT_UPDATE_FAILED } from './lib/spec-update/update-failed.js';

const HELP = `Usage: npm run spec:update -- [<url|file>] [options]

Replaces openapi/api-docs.yaml with a new version of the spec (bundled into one file, keys in a
fixed order), regenerates generated/, type-checks the project against the new types, and reports
every change as breaking or safe (terminal + openapi/CHANGES.md). Nothing changes unless every
step passes.

  <url|file>          the new spec (default: "fungies.specUrl" in package.json, the vendor's file)
  --official          the source is the vendor's own file (implied for the default URL):
                      its operations are marked official in openapi/PROVENANCE.md
  --fail-on-breaking  exit 1 when anything is breaking (for CI)
  --dry-run           report only, write nothing
  --max-mb <n>        refuse a spec that, with the files it references, is larger (default ${DEFAULT_MAX_BYTES / 1024 / 1024})
  --timeout <s>       give up when the downloads take longer, in seconds (default ${DEFAULT_TIMEOUT_MS / 1000})
  -h, --help          this text

A spec from a file may $ref only files under its own folder; a spec from a URL only URLs on the
same origin, never local files. Anything else is refused by name and JSON pointer.

Exit codes: 0 updated (or already up to date), 1 breaking changes with --fail-on-breaking,
2 usage, network or spec error (nothing was changed).`;

await runScript(async () => {
  const options = {
    official: { type: 'boolean' },
    'fail-on-breaking': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'max-mb': { type: 'string' },
    timeout: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  let args: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof options }>>;
  try {
    args = parseArgs({ allowPositionals: true, options });
  } catch (err) {
    throw new ScriptError(`✘ ${(err as Error).message}\n\n${HELP}`, EXIT_UPDATE_FAILED);
  }
  if (args.values.help) return console.log(HELP);
  if (args.positionals.length > 1)
    throw new ScriptError(`✘ one source at most, got ${args.positionals.length}\n\n${HELP}`, EXIT_UPDATE_FAILED);
  const result = await specUpdate({
    cwd: process.cwd(),
    source: args.positionals[0],
    sourceCwd: process.env['INIT_CWD'] ?? process.cwd(),
    official: args.values.official,
    dryRun: args.values['dry-run'],
    maxBytes: positive(args.values['max-mb'], '--max-mb', 'megabytes, e.g. --max-mb 50', DEFAULT_MAX_BYTES / 1024 / 1024) * 1024 * 1024,
    timeoutMs: positive(args.values.timeout, '--timeout', 'seconds, e.g. --timeout 120', DEFAULT_TIMEOUT_MS / 1000) * 1000,
  });
  if (args.values['fail-on-breaking'] && result.breaking > 0) {
    throw new ScriptError(`✘ ${result.breaking} breaking change(s) (--fail-on-breaking)`, 1);
  }
});

function positive(value: string | undefined, flag: string, unit: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ScriptError(`✘ ${flag} ${value}: expected a positive number of ${unit}`, EXIT_UPDATE_FAILED);
  return n;
}
