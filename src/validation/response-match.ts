/** Which documented response (status key, media type, schema) a real response answers to; no Ajv here. */
import type { OperationMeta, ResponseMeta } from '../operation-meta.js';

export interface ResponseMatch {
  /** The documented response key that matched (`200`, `4XX`, `default`), or undefined when the status is not documented. */
  statusKey: string | undefined;
  /** Every status key the operation documents, in spec order. */
  documentedStatuses: string[];
  /** Media types the matched response declares; empty when it declares no body. */
  expectedContentTypes: string[];
  /** False when the response declares content types and `contentType` is none of them. */
  contentTypeOk: boolean;
  /** The declared media type the body is checked as (the actual one, else the first declared). */
  mediaTypeKey: string | undefined;
  /** The schema the body is checked against, when there is one. */
  schema: unknown;
}

/** The documented response for a status: the exact code, then its range (`4XX`), then `default`. */
export function documentedResponse(operation: OperationMeta, status: number): { key: string; response: ResponseMeta } | undefined {
  const responses = operation.responses;
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    const response = responses[key];
    if (response) return { key, response };
  }
  return undefined;
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function matchResponse(operation: OperationMeta, status: number, contentType: string | null | undefined): ResponseMatch {
  const documentedStatuses = Object.keys(operation.responses);
  const match = documentedResponse(operation, status);
  if (!match) {
    return {
      statusKey: undefined,
      documentedStatuses,
      expectedContentTypes: [],
      contentTypeOk: true,
      mediaTypeKey: undefined,
      schema: undefined,
    };
  }
  const expectedContentTypes = Object.keys(match.response.content);
  const actual = mediaType(contentType);
  const mediaTypeKey = expectedContentTypes.find((t) => mediaType(t) === actual) ?? expectedContentTypes[0];
  const contentTypeOk = expectedContentTypes.length === 0 || expectedContentTypes.some((t) => mediaType(t) === actual);
  const schema = mediaTypeKey === undefined ? undefined : match.response.content[mediaTypeKey]?.schema;
  return { statusKey: match.key, documentedStatuses, expectedContentTypes, contentTypeOk, mediaTypeKey, schema };
}
