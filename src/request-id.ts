/** The request id the API puts on a response, for support tickets and logs. */

/** `x-request-id`, or `request-id`; undefined when the server sends neither. Both `ApiPromise` and `FungiesApiError.requestId` read it here. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
}
