/**
 * Puts the new files in place all together or not at all: everything is first written next to its
 * target (same filesystem, so a rename is atomic), then renamed in; any failure renames the old back.
 */
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeGenerated } from '../write-generated.js';

const NEW = '.spec-update-new';
const OLD = '.spec-update-old';

export interface SwapPlan {
  /** Path relative to cwd → new contents. */
  files: Map<string, string>;
  /** Directory relative to cwd → its complete new contents (file name → text). */
  dirs: Map<string, Map<string, string>>;
}

export async function swapIn(cwd: string, plan: SwapPlan): Promise<void> {
  const targets = [...plan.files.keys(), ...plan.dirs.keys()].map((rel) => join(cwd, rel));
  try {
    for (const [rel, text] of plan.files) await writeFile(join(cwd, rel) + NEW, text);
    for (const [rel, files] of plan.dirs) await writeGenerated(join(cwd, rel) + NEW, files);
  } catch (err) {
    await Promise.all(targets.map((t) => rm(t + NEW, { recursive: true, force: true })));
    throw err;
  }
  const done: { target: string; hadOld: boolean }[] = [];
  try {
    for (const target of targets) {
      const hadOld = await exists(target);
      if (hadOld) await rename(target, target + OLD);
      done.push({ target, hadOld });
      await rename(target + NEW, target);
    }
  } catch (err) {
    for (const { target, hadOld } of done.reverse()) {
      if (await exists(target + NEW)) await rm(target + NEW, { recursive: true, force: true });
      else await rm(target, { recursive: true, force: true });
      if (hadOld) await rename(target + OLD, target);
    }
    await Promise.all(targets.map((t) => rm(t + NEW, { recursive: true, force: true })));
    throw err;
  }
  await Promise.all(done.filter((d) => d.hadOld).map((d) => rm(d.target + OLD, { recursive: true, force: true })));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
