/** The request id the API puts on a response, for support tickets and logs. */

/** The response header that carries it. */
export const REQUEST_ID_HEADER = 'x-request-id';

export function requestIdOf(response: Response): string | null {
  return response.headers.get(REQUEST_ID_HEADER);
}
