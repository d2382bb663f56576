/** The command that repeats a run's requests, as the HTML report and the Markdown summary show it. */
import type { RunData } from './types.js';

// Single quotes keep any character literal in a POSIX shell.
const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * `npx fungies-contract run …` with the run's target, seed, filters and options (keys still come
 * from the environment). A run against its own Prism mock names no target: the mock is started again.
 */
export function reproduceCommand(data: RunData): string {
  const args = ['npx', 'fungies-contract', 'run'];
  if (data.target.name) args.push('--target-name', data.target.name);
  else if (data.target.kind === 'live') args.push('--target', data.target.url);
  if (data.spec.source && !data.spec.source.bundled) args.push('--spec', data.spec.source.location);
  if (data.seed !== undefined) args.push('--seed', String(data.seed));
  if (data.operationFilter) args.push('--operation', data.operationFilter);
  if (data.excludeFilter) args.push('--exclude', data.excludeFilter);
  if (data.allowWrites) args.push('--allow-writes');
  if (data.strict) args.push('--strict');
  return args.map(quote).join(' ');
}
