/**
 * Which call a Response answered. The client's middleware records it; unwrap() reads it to name the
 * operation in an error and to redact the keys. A WeakMap because openapi-fetch hands back the
 * Response itself, with no room for our fields, and a Response must not keep its record alive.
 */
import type { RequestInfo } from './errors.js';

export interface ResponseInfo extends RequestInfo {
  /** The configured keys, which must not travel on in an error built from this response. */
  secrets: readonly (string | undefined)[];
}

const infos = new WeakMap<Response, ResponseInfo>();
/** The client's own responses carry their record in a symbol-keyed slot: a WeakMap entry per call costs the GC more. */
const INFO = Symbol('fungies.responseInfo');
type Recorded = Response & { [INFO]?: ResponseInfo };

export function recordResponseInfo(response: Response, info: ResponseInfo, own = false): void {
  if (own) (response as Recorded)[INFO] = info;
  else infos.set(response, info);
}

/** What the client recorded, or what the Response itself says when it came from elsewhere. */
export function responseInfoOf(response: Response): ResponseInfo {
  return (
    (response as Recorded)[INFO] ??
    infos.get(response) ?? { method: '', path: new URL(response.url || 'http://unknown/').pathname, secrets: [] }
  );
}
