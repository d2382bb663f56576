/** The `Reproduce with:` line: a curl for a recorded request, keys masked. */
import type { RecordedRequest } from './types.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function toCurl(request: RecordedRequest): string {
  const parts = ['curl', '-X', request.method];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (request.body !== undefined && request.body !== '') parts.push('-d', quote(request.body));
  parts.push(quote(request.url));
  return parts.join(' ');
}
