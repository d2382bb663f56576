/** The one rule for a URL that requests are sent to: the client's baseUrl, the suite's --target, a webhook handler's URL. */

export interface HttpUrlRule {
  /** How the caller names the value in a message: `baseUrl`, `--target`, `the URL`. */
  field: string;
  /** An example of a good value, shown when the value is not a URL at all. */
  example: string;
  /** Paths are appended to a base URL, so it may not end in a query or fragment. */
  base: boolean;
}

/**
 * The URL, or a one-line message that names the field and the fix. A user name or password is
 * refused and never repeated (it is a credential, and the keys or the signature are the only ones
 * sent); the value is shown otherwise.
 */
export function parseHttpUrl(text: unknown, { field, example, base }: HttpUrlRule): URL | string {
  let url: URL | undefined;
  try {
    url = new URL(String(text));
  } catch {
    url = undefined;
  }
  if (typeof text !== 'string' || !url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return `${field} must be an absolute http(s) URL such as ${example}; got ${JSON.stringify(text)}`;
  }
  if (url.username !== '' || url.password !== '') {
    return `${field} must not carry a user name or password (user:password@): remove them; the ${base ? 'API keys are' : 'signature is'} the only credentials sent`;
  }
  if (base && (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#'))) {
    return `${field} must not have a query (?…) or fragment (#…): request paths are appended to it; got ${JSON.stringify(text)}`;
  }
  return url;
}
