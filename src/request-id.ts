/** The request id the API puts on a response, for support tickets and logs. */

/** `x-request-id`, or `request-id`; undefined when the server sends neither. The same rule names the id on API errors. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
}
