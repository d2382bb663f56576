/**
 * Repairs what the swap spec:update used before its journal could leave when killed: each target
 * renamed to `<target>.spec-update-old` and replaced by `<target>.spec-update-new`, side by side.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const OLD = '.spec-update-old';
const NEW = '.spec-update-new';
/** Where that swap's targets lived: the repository root (generated/) and openapi/. */
const FOLDERS = ['', 'openapi'];

/**
 * While any `.spec-update-new` remains the swap had not finished (backups are only deleted at the
 * very end), so every backup goes back in place; otherwise every new file was in place and the
 * backups are stale. Returns the one line to print, or undefined when there was nothing.
 */
export async function recoverLegacyLeftovers(cwd: string): Promise<string | undefined> {
  const found: { rel: string; kind: 'old' | 'new' }[] = [];
  for (const folder of FOLDERS) {
    const names = await readdir(join(cwd, folder)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith(OLD)) found.push({ rel: join(folder, name.slice(0, -OLD.length)), kind: 'old' });
      else if (name.endsWith(NEW)) found.push({ rel: join(folder, name.slice(0, -NEW.length)), kind: 'new' });
    }
  }
  if (found.length === 0) return undefined;
  const unfinished = found.some((f) => f.kind === 'new');
  for (const { rel } of found.filter((f) => f.kind === 'new')) await rm(join(cwd, rel) + NEW, { recursive: true, force: true });
  const backups = found.filter((f) => f.kind === 'old').map((f) => f.rel);
  if (!unfinished) {
    for (const rel of backups) await rm(join(cwd, rel) + OLD, { recursive: true, force: true });
    return `✔ removed the backups an interrupted spec:update left: ${backups
      .map((rel) => rel + OLD)
      .sort()
      .join(', ')}`;
  }
  const restored: string[] = [];
  for (const rel of backups) {
    await rm(join(cwd, rel), { recursive: true, force: true });
    await rename(join(cwd, rel) + OLD, join(cwd, rel));
    restored.push((await stat(join(cwd, rel))).isDirectory() ? `${rel}/` : rel);
  }
  return `✔ put back the old version from the backups an interrupted spec:update left: ${restored.sort().join(', ')}`;
}
