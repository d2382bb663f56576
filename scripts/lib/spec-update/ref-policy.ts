/**
 * What a spec's external `$ref`s may read: a spec from a file, only files under its own folder
 * (symlinks and `..` resolved first); a spec from a URL, only URLs on its own origin, never the
 * local disk. Everything else is refused before it is read.
 */
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Budget, downloadCapped, readCappedFile } from '../../../contract-tests/spec/download.js';
import { withoutCredentials } from './source.js';

export interface RefPolicy {
  /** Why `target` may not be read, or undefined when it may. */
  refusal(target: string): Promise<string | undefined>;
  /** The bytes of an allowed target, within the budget. */
  read(target: string): Promise<Buffer>;
  /** `target` as messages name it: relative to the spec's folder, or the URL. */
  name(target: string): string;
}

/** A failure to read an allowed target (not found, an HTTP error), worded for after its name. */
export class RefReadError extends Error {
  override name = 'RefReadError';
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Where `ref`, found in the document at `base` (an absolute path or a URL), points, without its
 * fragment; undefined for a reference inside the same document.
 */
export function resolveRef(base: string, ref: string): string | undefined {
  const address = ref.split('#')[0] ?? '';
  if (address === '') return undefined;
  if (SCHEME.test(address)) return address;
  if (SCHEME.test(base)) return new URL(address, base).href;
  return resolve(dirname(base), safeDecode(address));
}

/** The bundler's names for files are %-encoded paths or URLs; this turns them back into `resolveRef`'s form. */
export function targetOf(bundlerUrl: string): string {
  return SCHEME.test(bundlerUrl) ? bundlerUrl : safeDecode(bundlerUrl);
}

export async function filePolicy(specFile: string, budget: Budget): Promise<RefPolicy> {
  const folder = dirname(specFile);
  const realFolder = await realpath(folder).catch(() => folder);
  const inside = (root: string, path: string) => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  };
  const rule = `a spec from a file may reference only files under its own folder (${folder})`;
  const pathOf = (target: string): string | undefined => {
    if (!SCHEME.test(target)) return target;
    if (!/^file:/i.test(target)) return undefined;
    try {
      return fileURLToPath(target);
    } catch {
      return undefined;
    }
  };
  return {
    async refusal(target) {
      const path = pathOf(target);
      if (path === undefined) return `${rule}, not URLs`;
      if (!inside(folder, resolve(path))) return `${rule}; ${resolve(path)} is outside it`;
      const real = await realpath(path).catch(() => undefined);
      // A target that does not exist is refused by nothing here: reading it says "not found".
      if (real !== undefined && !inside(realFolder, real)) return `${rule}; it leads through a symlink to ${real}, outside it`;
      return undefined;
    },
    async read(target) {
      const path = pathOf(target)!;
      // Read what the link resolves to now, checked again, so a link swapped after the check still cannot escape.
      const real = await realpath(path).catch((err: NodeJS.ErrnoException) => {
        throw new RefReadError(err.code === 'ENOENT' ? 'not found' : `cannot be read (${err.code ?? err.message})`);
      });
      if (!inside(realFolder, real)) throw new RefReadError(`leads outside the spec's folder; ${rule}`);
      return readCappedFile(real, budget);
    },
    name: (target) => {
      const path = pathOf(target);
      return path !== undefined && inside(folder, resolve(path)) ? relative(folder, path) : target;
    },
  };
}

export function urlPolicy(specUrl: string, budget: Budget, fetch: typeof globalThis.fetch): RefPolicy {
  const origin = new URL(specUrl).origin;
  const rule = `a spec from a URL may reference only URLs on ${origin}, never local files or other hosts`;
  const allowed = (target: string) => {
    try {
      const url = new URL(target);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin;
    } catch {
      return false;
    }
  };
  return {
    refusal: async (target) => (allowed(target) ? undefined : rule),
    async read(target) {
      const { response, body } = await downloadCapped(target, budget, fetch, {
        headers: { accept: 'application/yaml, application/json;q=0.9' },
        mayRedirectTo: allowed,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        const next = new URL(location, response.url || target).href;
        throw new RefReadError(
          `is redirected to ${withoutCredentials(next)}, not followed: ${allowed(next) ? 'too many redirects' : rule}`,
        );
      }
      if (!response.ok) throw new RefReadError(`answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      return body;
    },
    name: withoutCredentials,
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
