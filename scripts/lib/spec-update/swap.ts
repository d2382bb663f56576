/**
 * Puts the new files in place all together or not at all, even if the process dies at any instant.
 *
 * Everything happens in one folder of the repository, `.spec-update/` (same filesystem, so a
 * rename is atomic): the new contents are written to `new/<i>`, then a journal listing the targets
 * is renamed into place — the point of no return — then each target is renamed to `old/<i>` and
 * `new/<i>` renamed onto it. Whoever finds the folder next (spec:update or spec:check) rolls the
 * swap forward if the journal is there, and otherwise just deletes the folder: before the journal
 * nothing in the repository had changed, and it is removed only once the swap is complete.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ScriptError } from '../cli.js';
import { pathInside } from '../contained-path.js';
import { exists } from '../fs-exists.js';
import { recoverLegacyLeftovers } from './legacy-leftovers.js';

/** The one staging place of spec:update, relative to the repository root. */
export const STAGING_DIR = '.spec-update';
const OWNER = 'owner';
const JOURNAL = 'journal.json';
const DONE = 'done.json';

export interface SwapPlan {
  /** Path relative to cwd → new contents. */
  files: Map<string, string>;
  /** Directory relative to cwd → its complete new contents (file name → text). */
  dirs: Map<string, Map<string, string>>;
}

export interface SwapOptions {
  /** Called after every file operation; fault-injection tests kill the process here. */
  afterStep?: () => void;
}

interface Journal {
  /** Target paths relative to cwd; target i is staged as new/i and set aside as old/i. */
  targets: string[];
}

/** Creates `.spec-update/` for this process; fails when another live spec:update holds it. */
export async function claimStaging(cwd: string, afterStep: () => void = () => {}): Promise<string> {
  const dir = join(cwd, STAGING_DIR);
  try {
    await mkdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = await ownerOf(dir);
    if (owner === process.pid) return dir;
    if (owner !== undefined && isAlive(owner)) throw busy(owner);
    throw new ScriptError(
      `✘ ${STAGING_DIR}/ is left over from an interrupted update: run npm run spec:check, which completes or removes it`,
    );
  }
  afterStep();
  await writeFile(join(dir, OWNER), String(process.pid));
  afterStep();
  return dir;
}

/** Removes this process's staging folder, unless a journal in it still has a swap to complete. */
export async function releaseStaging(cwd: string): Promise<void> {
  const dir = join(cwd, STAGING_DIR);
  if ((await ownerOf(dir)) !== process.pid || (await exists(join(dir, JOURNAL)))) return;
  await rm(dir, { recursive: true, force: true });
}

export async function swapIn(cwd: string, plan: SwapPlan, { afterStep = () => {} }: SwapOptions = {}): Promise<void> {
  const dir = await claimStaging(cwd, afterStep);
  const targets = [...plan.files.keys(), ...plan.dirs.keys()];
  const step = async <T>(operation: Promise<T>): Promise<T> => {
    const result = await operation;
    afterStep();
    return result;
  };
  try {
    // Targets are the pipeline's own paths and file names come from the spec: none may leave its folder.
    for (const rel of targets) pathInside(cwd, rel);
    await step(mkdir(join(dir, 'new')));
    await step(mkdir(join(dir, 'old')));
    for (const [i, rel] of targets.entries()) {
      const files = plan.dirs.get(rel);
      if (files === undefined) await step(writeFile(join(dir, 'new', String(i)), plan.files.get(rel)!));
      else {
        const staged = join(dir, 'new', String(i));
        await step(mkdir(staged));
        for (const [name, text] of files) {
          const path = pathInside(staged, name);
          // generated/ has subfolders (one validator module per operation); staging mirrors them.
          if (name.includes('/')) await mkdir(dirname(path), { recursive: true });
          await step(writeFile(path, text));
        }
      }
    }
    const journal: Journal = { targets };
    await step(writeFile(join(dir, `${JOURNAL}.tmp`), JSON.stringify(journal)));
  } catch (err) {
    // Nothing in the repository has changed yet: dropping the staging folder is the whole rollback.
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  try {
    await step(rename(join(dir, `${JOURNAL}.tmp`), join(dir, JOURNAL)));
    for (const [i, rel] of targets.entries()) await moveIn(cwd, dir, i, rel, afterStep);
  } catch (err) {
    await rollBack(cwd, dir, targets).catch(() => undefined);
    throw err;
  }
  await finish(dir, afterStep);
}

/**
 * Run before anything else by spec:update and spec:check: completes or discards a swap a killed
 * spec:update left behind. Returns the one line to print, or undefined when there was nothing to do.
 */
export async function recoverInterruptedUpdate(cwd: string): Promise<string | undefined> {
  const dir = join(cwd, STAGING_DIR);
  if (!(await exists(dir))) return recoverLegacyLeftovers(cwd);
  const owner = await ownerOf(dir);
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw busy(owner);
  const journal = await readJournal(dir);
  if (journal) {
    for (const [i, rel] of journal.targets.entries()) await moveIn(cwd, dir, i, rel);
    await rm(dir, { recursive: true, force: true });
    const names = await Promise.all(
      journal.targets.map(async (rel) => ((await stat(join(cwd, rel)).catch(() => undefined))?.isDirectory() ? `${rel}/` : rel)),
    );
    return `✔ finished an update that was interrupted half-way: ${names.join(', ')} now hold the new version (${STAGING_DIR}/ removed)`;
  }
  const completed = await exists(join(dir, DONE));
  await rm(dir, { recursive: true, force: true });
  return completed
    ? `✔ removed ${STAGING_DIR}/ left by an interrupted update that had already put every new file in place`
    : `✔ removed ${STAGING_DIR}/ left by an interrupted update that had not changed anything yet`;
}

/** Target i takes its staged contents; repeatable, so a crash in the middle of it is resumed by running it again. */
async function moveIn(cwd: string, dir: string, i: number, rel: string, afterStep: () => void = () => {}): Promise<void> {
  const staged = join(dir, 'new', String(i));
  if (!(await exists(staged))) return; // already in place
  const target = join(cwd, rel);
  const aside = join(dir, 'old', String(i));
  if (await exists(target)) {
    // target is still the old version: a second copy of it in old/ would come from a partial roll-back.
    if (await exists(aside)) await rm(target, { recursive: true, force: true });
    else await rename(target, aside);
    afterStep();
  }
  await rename(staged, target);
  afterStep();
}

/**
 * An error (not a crash) after the point of no return: each moved target goes back to new/ and its
 * old version back in place, so the journal stays true and a crash during this still rolls forward.
 */
async function rollBack(cwd: string, dir: string, targets: string[]): Promise<void> {
  for (const [i, rel] of [...targets.entries()].reverse()) {
    const target = join(cwd, rel);
    const staged = join(dir, 'new', String(i));
    const aside = join(dir, 'old', String(i));
    if (!(await exists(staged)) && (await exists(target))) await rename(target, staged);
    if (await exists(aside)) await rename(aside, target);
  }
  await rm(dir, { recursive: true, force: true });
}

/** Marks the swap complete, then deletes the staging folder, so a crash while deleting is reported right. */
async function finish(dir: string, afterStep: () => void): Promise<void> {
  await rename(join(dir, JOURNAL), join(dir, DONE));
  afterStep();
  await rm(join(dir, 'old'), { recursive: true, force: true });
  afterStep();
  await rm(join(dir, 'new'), { recursive: true, force: true });
  afterStep();
  await rm(dir, { recursive: true, force: true });
  afterStep();
}

async function readJournal(dir: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, JOURNAL), 'utf8');
  } catch {
    return undefined;
  }
  const journal = JSON.parse(text) as Journal;
  // The journal is only ever renamed into place whole; a hand-edited one must not move files anywhere.
  if (
    !Array.isArray(journal.targets) ||
    !journal.targets.every((t) => typeof t === 'string' && !t.startsWith('/') && !t.split(/[\\/]/).includes('..'))
  ) {
    throw new ScriptError(`✘ ${STAGING_DIR}/${JOURNAL} is not a journal spec:update wrote: inspect ${STAGING_DIR}/ and delete it by hand`);
  }
  return journal;
}

async function ownerOf(dir: string): Promise<number | undefined> {
  const text = await readFile(join(dir, OWNER), 'utf8').catch(() => '');
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const busy = (owner: number | undefined) =>
  new ScriptError(
    `✘ another spec:update${owner ? ` (process ${owner})` : ''} is using ${STAGING_DIR}/: wait for it to finish and run this again (if no spec:update is running, delete ${STAGING_DIR}/${OWNER} and run this again)`,
  );
