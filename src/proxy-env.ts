/**
 * The proxy environment variables (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), read only to refuse them:
 * the client's own transport (node:http) does not go through a proxy, and sending around one a
 * deployment set up on purpose would carry the API keys past it unannounced.
 * docs/client-behaviour.md says why the client refuses rather than tunnels.
 */

/** The name of the proxy variable that applies to `url` (NO_PROXY considered), or undefined. */
export function proxyVariableFor(url: URL, env: Record<string, string | undefined>): string | undefined {
  const names = url.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy'];
  const variable = names.find((name) => (env[name] ?? '').trim() !== '');
  if (variable === undefined || bypassed(url, env['NO_PROXY'] ?? env['no_proxy'] ?? '')) return undefined;
  return variable;
}

/** NO_PROXY as curl and undici read it: `*`, or hosts and domain suffixes (`.example.com`, `example.com`), each with an optional port. */
function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(entry);
    const name = (match?.[1] ?? entry).replace(/^\*?\./, '');
    if (match?.[2] !== undefined && match[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}
