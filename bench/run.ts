/**
 * npm run bench [-- --quick] [-- --write] [-- --only=a,b]: every measurement in one process, written
 * to bench/results.json; --write also regenerates BENCHMARKS.md from that file, and --render only
 * re-renders BENCHMARKS.md from the last results.json without measuring anything.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { measureCallParts } from './call-parts.js';
import { measureColdStart } from './cold-start.js';
import { measureContract, measureContractCpu, measureSpecCheck } from './commands.js';
import { measurePackageSizes } from './package-size.js';
import { type BenchResults, renderMarkdown } from './report.js';
import { measureLargeLists, measureThroughput } from './throughput.js';
import { measureValidation } from './validation.js';

const SECTIONS = [
  'throughput',
  'large-lists',
  'call-parts',
  'cold',
  'validation',
  'spec-check',
  'contract',
  'contract-cpu',
  'packages',
] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    write: { type: 'boolean' },
    render: { type: 'boolean' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const quick = values.quick === true;
const only = new Set((values.only?.split(',') ?? SECTIONS).map((s) => s.trim()));
for (const s of only) {
  if (!SECTIONS.includes(s as Section)) {
    console.error(`--only: unknown section "${s}"; choose from ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
const wanted = (s: Section) => only.has(s);
const started = performance.now();
const log = (line: string) => console.error(`[bench] ${((performance.now() - started) / 1000).toFixed(0)} s: ${line}`);

async function version(pkg: string): Promise<string> {
  const text = await readFile(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

if (values.render) {
  const last = JSON.parse(await readFile(values.out!, 'utf8')) as BenchResults;
  await writeFile('BENCHMARKS.md', renderMarkdown(last));
  log(`rendered BENCHMARKS.md from ${values.out}`);
  process.exit(0);
}

const results: BenchResults = {
  date: new Date().toISOString(),
  quick,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg()[0]!,
  },
  versions: {
    node: process.versions.node,
    'undici (bundled with node)': process.versions.undici ?? 'unknown',
    undici: await version('undici'),
    'openapi-fetch': await version('openapi-fetch'),
    ajv: await version('ajv'),
    axios: await version('axios'),
    got: await version('got'),
    ky: await version('ky'),
  },
};

if (wanted('throughput')) {
  log('throughput: interleaved rounds, sequential, 32 and 256 in flight');
  results.throughput = {
    settings: quick
      ? { rounds: 4, sequentialCalls: 100, concurrentCalls: 512, inFlight: [32, 256], validationRounds: 4 }
      : { rounds: 9, sequentialCalls: 1000, concurrentCalls: 1024, inFlight: [32, 256], validationRounds: 21 },
    rows: [],
  };
  Object.assign(results.throughput, await measureThroughput(results.throughput.settings));
}
if (wanted('large-lists')) {
  log('large lists: one page of 1 000 and of 10 000 orders, interleaved rounds');
  const settings = quick ? { rounds: 4, calls: { 1000: 10, 10000: 2 } } : { rounds: 21, calls: { 1000: 50, 10000: 6 } };
  results.largeLists = { settings, sizes: await measureLargeLists(settings) };
}
if (wanted('call-parts')) {
  log('call parts: per-call work removed, timed in isolation');
  results.callParts = quick ? measureCallParts(5, 20_000) : measureCallParts(11, 50_000);
}
if (wanted('validation')) {
  log('validation vs JSON.parse');
  results.validation = quick ? await measureValidation(5, 2000) : await measureValidation(11, 5000);
}
if (wanted('cold')) {
  log('building dist/ for the cold-start probes');
  await promisify(execFile)('npm', ['run', '-s', 'build'], { timeout: 300_000 });
  log('cold start: fresh processes');
  results.cold = await measureColdStart(quick ? 3 : 9, 'dist/index.js', resolve('dist/cjs/index.cjs'));
}
if (wanted('packages')) {
  log('package sizes: npm pack of both packages and of the clients users compare with');
  if (!wanted('cold')) await promisify(execFile)('npm', ['run', '-s', 'build'], { timeout: 300_000 });
  results.packages = await measurePackageSizes();
}
if (wanted('spec-check')) {
  log('spec:check');
  results.specCheck = await measureSpecCheck(quick ? 1 : 3);
}
if (wanted('contract')) {
  log('contract run against a running Prism mock');
  results.contract = await measureContract(quick ? 1 : 2);
}
if (wanted('contract-cpu')) {
  log('contract CLI CPU per request: a loopback server and a running Prism mock');
  results.contractCpu = await measureContractCpu(quick ? 1 : 5);
}
results.machine.loadAverageAtEnd = loadavg()[0]!;
results.totalSeconds = (performance.now() - started) / 1000;

await writeFile(values.out!, `${JSON.stringify(results, null, 2)}\n`);
log(`wrote ${values.out} (${results.totalSeconds.toFixed(1)} s)`);
const markdown = renderMarkdown(results);
if (values.write) {
  await writeFile('BENCHMARKS.md', markdown);
  log('wrote BENCHMARKS.md');
} else {
  process.stdout.write(markdown);
}
