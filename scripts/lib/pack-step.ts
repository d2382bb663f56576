/** What check:pack's steps share: a labelled step that fails with the tail of the tool's output, and npm pack. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ScriptError } from './cli.js';

export const exec = promisify(execFile);
export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export async function step<T>(label: string, run: () => Promise<T>): Promise<T> {
  console.log(`==> ${label}`);
  try {
    return await run();
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new ScriptError(`✘ ${label} failed:\n${`${stdout}\n${stderr}`.trim().slice(-3000)}`);
  }
}

export interface Packed {
  tarball: string;
  /** Bytes of the .tgz and of its files unpacked, as npm reports them. */
  size: number;
  unpackedSize: number;
  files: string[];
}

/** `npm pack` of the package in `dir` (its prepack builds it) into `dest`. */
export async function pack(dir: string, dest: string, label: string): Promise<Packed> {
  const { stdout } = await step(`Packing ${label} (prepack builds it)`, () =>
    exec(npm, ['pack', '--json', '--pack-destination', dest], { cwd: dir }),
  );
  // The prepack build prints before npm's JSON report.
  const [report] = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  if (!report) throw new ScriptError(`✘ npm pack printed no report for ${label}`);
  return {
    tarball: join(dest, report.filename),
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files.map((f) => f.path),
  };
}
