/** The throwing style: `await unwrap(client.GET(...))` returns the 2xx `data` or throws a typed error. */
import { isBufferedResponse } from './buffered-response.js';
import { FungiesApiError } from './errors.js';
import { redactBody, redactHeaders } from './redact.js';
import { responseInfoOf } from './response-info.js';

type Result = { data?: unknown; error?: unknown; response: Response };
/** The `data` of the success branch of an openapi-fetch result. */
export type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

export async function unwrap<R extends Result>(result: R | Promise<R>): Promise<SuccessData<R>> {
  return successData(await result) as SuccessData<R>;
}

/** The 2xx `data` of a settled result, or the typed error of a non-2xx. */
export function successData({ data, error, response }: Result): unknown {
  if (response.ok) return data;
  const info = responseInfoOf(response);
  // Servers sometimes echo the request's headers back in an error; keys must not travel on in it.
  const text = isBufferedResponse(response) ? response.bodyText : undefined;
  throw FungiesApiError.from(response.status, redactBody(error, info.secrets, text), redactHeaders(response.headers, info.secrets), info);
}
