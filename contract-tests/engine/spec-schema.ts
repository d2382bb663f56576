/** An operation's schemas as the engine reads them: behind their $ref, their declared properties, the JSON bodies and `data`. */
import type { OperationMeta } from '../../src/operation-meta.js';
import { derefSchema } from '../validation/validators.js';

type Json = Record<string, unknown>;

/** A schema with its $ref followed; {} for anything that is not a schema. */
export const schemaOf = (schema: unknown): Json => derefSchema(schema) ?? {};

/** The properties a schema (behind its $ref) declares, by name. */
export const propertiesOf = (schema: unknown): Json => (schemaOf(schema)['properties'] ?? {}) as Json;

/** The schema of the operation's JSON request body; undefined when it takes none. */
export const requestBodySchema = (op: OperationMeta): unknown => op.requestBody?.content['application/json']?.schema;

/** The schema of the operation's 200 JSON body; undefined when it documents none. */
export const okBodySchema = (op: OperationMeta): unknown => op.responses['200']?.content['application/json']?.schema;

/** The schema of `data` in the 200 body (the Fungies envelope `{ status, data: { … } }`). */
export const dataSchema = (op: OperationMeta): Json => schemaOf(propertiesOf(okBodySchema(op))['data']);
