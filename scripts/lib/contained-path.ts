/** The one check every pipeline write makes: a name derived from the spec stays inside its folder. */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** `dir/name`, or an error when `name` is absolute or climbs out of `dir` (`..`, a NUL byte, an empty name). */
export function pathInside(dir: string, name: string): string {
  const rel = relative(resolve(dir), resolve(dir, name));
  if (
    name === '' ||
    name.includes('\0') ||
    isAbsolute(name) ||
    rel === '' ||
    rel === '..' ||
    rel.startsWith(`..${sep}`) ||
    isAbsolute(rel)
  ) {
    throw new Error(`refusing to write ${JSON.stringify(name)}: it resolves outside ${dir}/`);
  }
  return join(dir, name);
}
