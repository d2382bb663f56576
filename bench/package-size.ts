/**
 * What installing each package costs: packed and unpacked bytes and files of both of this
 * repository's tarballs (`npm pack --dry-run` of the built packages), beside the clients a user
 * would compare with, packed the same way from the registry.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface PackageSize {
  name: string;
  version: string;
  /** Bytes of the .tgz; undefined when the registry's metadata does not say. */
  packed?: number | undefined;
  unpacked?: number | undefined;
  files?: number | undefined;
  /** Where the figures come from. */
  source: 'npm pack' | 'registry';
}

export interface PackageSizes {
  ours: PackageSize[];
  peers: PackageSize[];
  /** Peers the registry could not be asked about (no network), by name. */
  unmeasured: string[];
}

/** The clients a merchant would compare with; `openai` and `stripe` are the API clients users know. */
export const PEERS = ['openapi-fetch', 'ky', 'got', 'axios', 'openai', 'stripe'] as const;

/** `npm pack --dry-run` of a folder, or of a registry package by name (which npm downloads to report on). */
async function packed(dir: string, spec?: string): Promise<PackageSize> {
  const args = ['pack', ...(spec ? [spec] : []), '--dry-run', '--json', '--ignore-scripts'];
  const { stdout } = await exec('npm', args, { cwd: dir, timeout: 120_000 });
  const [r] = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
    name: string;
    version: string;
    size: number;
    unpackedSize: number;
    entryCount: number;
  }[];
  if (!r) throw new Error(`npm pack printed no report in ${dir}`);
  return {
    name: r.name,
    version: r.version,
    packed: r.size,
    unpacked: r.unpackedSize,
    files: r.entryCount,
    source: spec ? 'registry' : 'npm pack',
  };
}

/** Expects both packages built (`npm run build`). */
export async function measurePackageSizes(): Promise<PackageSizes> {
  const ours = [await packed('.'), await packed('contract-tests')];
  const peers: PackageSize[] = [];
  const unmeasured: string[] = [];
  for (const name of PEERS) {
    try {
      peers.push(await packed(tmpdir(), name));
    } catch {
      unmeasured.push(name);
    }
  }
  return { ours, peers, unmeasured };
}

const kb = (n: number | undefined) => (n === undefined ? 'n/a' : `${(n / 1024).toFixed(0)} KB`);

/** The BENCHMARKS.md section; `targets` are the client's limits in bytes. */
export function renderPackageSizes(s: PackageSizes, targets = { unpacked: 1.5 * 1024 * 1024, packed: 250 * 1024 }): string[] {
  const client = s.ours.find((p) => p.name === 'fungies-openapi');
  const verdict = (value: number | undefined, limit: number) =>
    value === undefined ? 'not measured' : value <= limit ? 'met' : '**not met**';
  return [
    '## Package size',
    '',
    `The client package against its targets: ${kb(client?.unpacked)} unpacked (target ≤ ${kb(targets.unpacked)}: ${verdict(client?.unpacked, targets.unpacked)}),`,
    `${kb(client?.packed)} packed (target ≤ ${kb(targets.packed)}: ${verdict(client?.packed, targets.packed)}).`,
    'All from `npm pack --dry-run`: ours of this build, the others of the version the registry serves today.',
    '',
    '| package | version | packed | unpacked | files | source |',
    '|---|---|---|---|---|---|',
    ...[...s.ours, ...s.peers].map(
      (p) => `| ${p.name} | ${p.version} | ${kb(p.packed)} | ${kb(p.unpacked)} | ${p.files ?? 'n/a'} | ${p.source} |`,
    ),
    ...(s.unmeasured.length > 0 ? ['', `Not measured (the registry did not answer): ${s.unmeasured.join(', ')}.`] : []),
    '',
  ];
}
