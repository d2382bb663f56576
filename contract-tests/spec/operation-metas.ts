/**
 * The per-operation metadata (src/operation-meta.ts) of a spec document: what spec:generate writes
 * to generated/operations.ts, and what the kit builds at run time from a spec given with --spec.
 */
import { isPlainObject } from '../../src/plain-object.js';
import { absoluteRefs, deref, type JsonObject, operationParameters, specOperations } from './openapi-walk.js';

function contentOf(doc: Record<string, unknown>, node: unknown): JsonObject {
  const resolved = deref(doc, node);
  const out: JsonObject = {};
  if (!isPlainObject(resolved) || !isPlainObject(resolved['content'])) return out;
  for (const [type, media] of Object.entries(resolved['content'])) {
    out[type] = isPlainObject(media) && media['schema'] !== undefined ? { schema: absoluteRefs(media['schema']) } : {};
  }
  return out;
}

/** Header names the operation's security requires (every alternative of a requirement list). */
function authHeaders(doc: Record<string, unknown>, security: unknown): string[] {
  const schemes =
    isPlainObject(doc['components']) && isPlainObject(doc['components']['securitySchemes']) ? doc['components']['securitySchemes'] : {};
  if (!Array.isArray(security) || security.length === 0) return [];
  const perAlternative = security.map((req) =>
    Object.keys(isPlainObject(req) ? req : {})
      .map((name) => schemes[name])
      .filter((s): s is JsonObject => isPlainObject(s) && s['type'] === 'apiKey' && s['in'] === 'header')
      .map((s) => String(s['name']).toLowerCase()),
  );
  // A header is required only if every alternative needs it; the client sends no more than that.
  const [first = [], ...rest] = perAlternative;
  return first.filter((h) => rest.every((alt) => alt.includes(h))).sort();
}

/** Every operation of the document by operationId, in spec order, as JSON (refs made absolute). */
export function operationMetas(doc: Record<string, unknown>): Record<string, JsonObject> {
  const operations: Record<string, JsonObject> = {};
  for (const op of specOperations(doc)) {
    const id = String(op.operation['operationId']);
    const requestBody = deref(doc, op.operation['requestBody']);
    const responses: JsonObject = {};
    const rawResponses = isPlainObject(op.operation['responses']) ? op.operation['responses'] : {};
    for (const status of Object.keys(rawResponses).sort()) {
      const response = deref(doc, rawResponses[status]);
      responses[status] = {
        description: isPlainObject(response) && typeof response['description'] === 'string' ? response['description'] : '',
        content: contentOf(doc, rawResponses[status]),
      };
    }
    const meta: JsonObject = {
      operationId: id,
      method: op.method,
      path: op.path,
      summary: typeof op.operation['summary'] === 'string' ? op.operation['summary'] : '',
      tags: Array.isArray(op.operation['tags']) ? op.operation['tags'] : [],
      authHeaders: authHeaders(doc, op.operation['security'] ?? doc['security']),
      parameters: operationParameters(doc, op).map(({ param }) => ({
        name: param['name'] ?? '',
        in: param['in'] ?? '',
        required: param['required'] === true,
        ...(param['style'] !== undefined ? { style: param['style'] } : {}),
        ...(param['explode'] !== undefined ? { explode: param['explode'] } : {}),
        schema: absoluteRefs(param['schema'] ?? {}),
      })),
      responses,
    };
    if (isPlainObject(requestBody))
      meta['requestBody'] = { required: requestBody['required'] === true, content: contentOf(doc, requestBody) };
    operations[id] = meta;
  }
  return operations;
}
