/** `fungies-contract check <operationId> <status> <file|->`: validates one saved response body. */
import { checkResponse } from '../engine/response-checker.js';
import type { Finding } from '../engine/types.js';
import { findSpecOperation, specOperationList } from '../spec/model.js';
import { documentedResponse } from '../validation/response.js';
import { checkWebhook } from './check-webhook.js';
import { usageError } from './errors.js';
import { printVerdict } from './file-verdict.js';
import { type Io, readInput } from './io.js';

export interface CheckOptions {
  operationId: string;
  status: string;
  /** A file path, or `-` for stdin. */
  file: string;
  strict: boolean;
  /** The response's Content-Type; defaults to what the spec declares for the status. */
  contentType?: string | undefined;
}

export async function checkCommand(options: CheckOptions, io: Io): Promise<{ code: number; findings: Finding[] }> {
  if (options.operationId === 'webhook') return checkWebhook({ eventType: options.status, file: options.file }, io);
  const operation = findSpecOperation(options.operationId);
  if (!operation) {
    const near = specOperationList()
      .filter((op) => op.operationId.toLowerCase().includes(options.operationId.toLowerCase().slice(0, 12)))
      .slice(0, 3);
    throw usageError(
      `unknown operationId "${options.operationId}"${near.length ? `: did you mean ${near.map((o) => o.operationId).join(', ')}?` : ' (fungies-contract run --help lists how to select operations)'}`,
    );
  }
  if (!/^[1-5]\d\d$/.test(options.status))
    throw usageError(`status must be an HTTP status code such as 200 or 400, got "${options.status}"`);
  const status = Number(options.status);
  const text = await readInput(io, options.file);
  const declared = Object.keys(documentedResponse(operation, status)?.response.content ?? {})[0] ?? null;
  const findings = checkResponse(operation, { status, contentType: options.contentType ?? declared, text });
  return printVerdict(io, findings, {
    file: options.file,
    subject: `${operation.method.toUpperCase()} ${operation.path} (${operation.operationId}) ${status}`,
    conformsTo: `${operation.operationId} ${status}`,
    strict: options.strict,
  });
}
